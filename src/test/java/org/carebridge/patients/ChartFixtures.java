package org.carebridge.patients;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Observations as the chart holds them, without a database: for tests of what the chart's screens make of them. */
public final class ChartFixtures {

    private ChartFixtures() {
    }

    /** A number, a yes/no or a consciousness level, recorded by {@code recordedBy} at {@code at}. */
    public static Observation observation(ObservationType type, Object value, Instant at, String recordedBy) {
        return switch (type.kind()) {
            case NUMBER -> new Observation(UUID.randomUUID(), UUID.randomUUID(), type, new BigDecimal(value.toString()),
                    null, at, recordedBy, at);
            default -> new Observation(UUID.randomUUID(), UUID.randomUUID(), type, null, value.toString(), at,
                    recordedBy, at);
        };
    }

    public static Observation observation(ObservationType type, Object value, Instant at) {
        return observation(type, value, at, "import");
    }
}
