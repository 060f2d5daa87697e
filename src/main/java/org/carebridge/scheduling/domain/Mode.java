package org.carebridge.scheduling.domain;

/** In person (the doctor travels to the patient's region) or by video (the doctor stays put). */
public enum Mode {
    IN_PERSON, TELECONSULT
}
