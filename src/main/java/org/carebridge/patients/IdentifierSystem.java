package org.carebridge.patients;

/** Where a patient identifier comes from. */
public enum IdentifierSystem {
    /** The 18-character resident identity card number (GB 11643), checked by its ISO 7064 MOD 11-2 digit. */
    RESIDENT_ID,
    /** The rural cooperative medical scheme card. */
    MEDICAL_INSURANCE,
    /** A facility's own medical record number. */
    MEDICAL_RECORD_NUMBER
}
