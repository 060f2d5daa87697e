-- Coordinators serve the cases of the counties they serve: the referring facility's county, and the
-- county of the patient's home facility (roles.md). The latter is kept on the case, as it was when the
-- case began, so that a board of cases can be filtered by it in one query.
alter table referral add column patient_region_id bigint references region (id);
update referral set patient_region_id = (select f.region_id from patient p join facility f on f.id = p.home_facility_id
                                         where p.id = referral.patient_id);
create index referral_patient_region on referral (patient_region_id);

alter table teleconsult add column patient_region_id bigint references region (id);
update teleconsult set patient_region_id = (select f.region_id from patient p join facility f on f.id = p.home_facility_id
                                            where p.id = teleconsult.patient_id);
create index teleconsult_patient_region on teleconsult (patient_region_id);
