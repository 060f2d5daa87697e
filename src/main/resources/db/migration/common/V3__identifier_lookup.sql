-- Search finds a patient by an identifier of any system: look the value up without the system.
create index patient_identifier_value on patient_identifier (identifier_value);
