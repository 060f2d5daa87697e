package org.carebridge.identity;

/** What was done with patient data. */
public enum AuditAction {
    /** One patient's record (or part of it) was shown. */
    READ,
    /** A list of patients was shown: who searched for what. */
    SEARCH,
    CREATE,
    UPDATE
}
