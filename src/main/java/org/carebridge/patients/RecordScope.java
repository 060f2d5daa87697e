package org.carebridge.patients;

/** Which parts of the record a release or a consent covers. */
public enum RecordScope {
    ENCOUNTERS,
    OBSERVATIONS,
    ASSESSMENTS,
    NOTES
}
