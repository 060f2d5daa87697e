package org.carebridge.identity;

/** The roles of {@code shared/spec/roles.md}; each is also a Camunda group, so user tasks can go to a role. */
public enum Role {
    COORDINATOR,
    DOCTOR,
    PLANNER,
    RECORDS_OFFICER,
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
