-- Guideline assessments stored with the patient: what was assessed, by whom, with which rules, and
-- the answer. The inputs are kept so that a change of rules can re-assess the same picture.
create table assessment (
    id              uuid primary key,
    patient_id      uuid         not null references patient (id),
    assessed_at     timestamp with time zone not null,
    assessed_by     varchar(64)  not null,
    ruleset_version varchar(64)  not null,
    urgency         varchar(20)  not null,
    specialty       varchar(40)  not null,
    request_json    varchar(4000) not null,
    result_json     varchar(20000) not null
);
create index assessment_patient_time on assessment (patient_id, assessed_at);
