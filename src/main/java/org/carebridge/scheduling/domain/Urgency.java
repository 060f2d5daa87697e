package org.carebridge.scheduling.domain;

/** How soon a patient must be seen; emergencies are transferred at once and never scheduled. */
public enum Urgency {
    URGENT, SOON, ROUTINE
}
