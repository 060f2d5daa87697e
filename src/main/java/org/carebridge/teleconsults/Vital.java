package org.carebridge.teleconsults;

import java.time.Instant;

import org.carebridge.guidelines.Observations;
import org.carebridge.guidelines.Urgency;

/** Observations the requesting side sent while the consult was open, with the urgency they were assessed at. */
public record Vital(Instant at, String recordedBy, Observations observations, Urgency urgency) {
}
