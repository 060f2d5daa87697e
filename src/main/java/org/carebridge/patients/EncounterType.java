package org.carebridge.patients;

public enum EncounterType {
    OUTPATIENT,
    EMERGENCY,
    INPATIENT,
    TELECONSULT,
    HOME_VISIT
}
