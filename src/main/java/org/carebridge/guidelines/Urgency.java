package org.carebridge.guidelines;

/** How soon the patient must be seen, most urgent first. */
public enum Urgency {
    EMERGENCY,
    URGENT,
    SOON,
    ROUTINE
}
