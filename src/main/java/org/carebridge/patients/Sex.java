package org.carebridge.patients;

public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
