-- The equity measures select the referrals created in a period; without this index a month's query reads
-- the whole referral table (the (referring_region_id, created_at) index serves one region at a time).
create index referral_created on referral (created_at);
