package org.carebridge.clinical;

/** ACVPU: alert, new confusion, responds to voice, to pain, unresponsive. */
public enum Consciousness {
    ALERT,
    CONFUSION,
    VOICE,
    PAIN,
    UNRESPONSIVE
}
