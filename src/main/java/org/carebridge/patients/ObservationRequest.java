package org.carebridge.patients;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

/**
 * One observation to record: a number for measurements, true/false for flags, a level of
 * consciousness, or a list of IMCI danger signs. {@code effectiveAt} defaults to now.
 */
public record ObservationRequest(@NotNull ObservationType type, @NotNull JsonNode value, Instant effectiveAt) {
}
