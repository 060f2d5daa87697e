-- Timeline entries are kept as a message key and typed parameters (JSON), rendered in each reader's
-- language and time zone. Entries written before keep their prose in details and are shown as written.
alter table referral_event add column wording varchar(8000);
alter table teleconsult_event add column wording varchar(8000);
alter table record_request_event add column wording varchar(8000);
