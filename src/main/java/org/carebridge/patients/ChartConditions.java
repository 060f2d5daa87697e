package org.carebridge.patients;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the chart says now of the conditions the guidelines read beside the observations: pregnancy
 * (recorded within 280 days) and chronic hypercapnic respiratory failure (until recorded otherwise);
 * null where the chart says nothing current.
 */
public record ChartConditions(Boolean pregnant, Boolean hypercapnicRespiratoryFailure) {

    /** The chart's current answers, from its observations. */
    public static ChartConditions of(List<Observation> observations, Instant now) {
        return new ChartConditions(current(observations, ObservationType.PREGNANCY_STATUS, now),
                current(observations, ObservationType.HYPERCAPNIC_RESPIRATORY_FAILURE, now));
    }

    private static Boolean current(List<Observation> observations, ObservationType condition, Instant now) {
        return observations.stream().filter(o -> o.getType() == condition)
                .filter(o -> LatestObservations.window(condition) == null
                        || !o.getEffectiveAt().isBefore(now.minus(LatestObservations.window(condition))))
                .max(Comparator.comparing(Observation::getEffectiveAt))
                .map(o -> (Boolean) o.getValue()).orElse(null);
    }
}
