package org.carebridge.directory;

/** Clinical specialties a practitioner can hold and a referral can ask for. */
public enum Specialty {
    GENERAL_PRACTICE,
    INTERNAL_MEDICINE,
    EMERGENCY_MEDICINE,
    CARDIOLOGY,
    ENDOCRINOLOGY,
    PULMONOLOGY,
    PEDIATRICS,
    OBSTETRICS,
    NEPHROLOGY,
    DERMATOLOGY
}
