package org.carebridge.identity;

/** What was done with patient data. */
public enum AuditAction {
    /** One patient's record (or part of it) was shown. */
    READ,
    /** A list of patients was shown: who searched for what. */
    SEARCH,
    CREATE,
    UPDATE,
    /** Repeated failed sign-ins locked an account or a source address. */
    SIGN_IN_LOCKED,
    /** A sign-in was refused unchecked because its account or address was locked. */
    SIGN_IN_REFUSED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    PASSWORD_RESET,
    /** An account was given other roles, another facility or other regions. */
    ACCESS_CHANGED
}
