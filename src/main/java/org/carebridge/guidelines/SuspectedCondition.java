package org.carebridge.guidelines;

/** What the referring clinician suspects; qSOFA applies with either, CURB-65 with pneumonia. */
public enum SuspectedCondition {
    INFECTION,
    PNEUMONIA
}
