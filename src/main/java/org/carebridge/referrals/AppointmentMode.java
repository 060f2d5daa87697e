package org.carebridge.referrals;

public enum AppointmentMode {
    IN_PERSON,
    TELECONSULT
}
