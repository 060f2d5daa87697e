package org.carebridge.clinical;

public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
