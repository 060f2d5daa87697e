package org.carebridge.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.carebridge.analytics.internal.WeightedGini;
import org.carebridge.analytics.internal.WeightedGini.Region;
import org.junit.jupiter.api.Test;

class WeightedGiniTests {

    @Test
    void equalSharesPerPersonGiveZeroWhateverThePopulations() {
        assertThat(WeightedGini.of(List.of(new Region(100, 10), new Region(300, 30)))).isCloseTo(0, within(1e-12));
    }

    @Test
    void everythingInOneOfFourEqualRegionsGivesThreeQuarters() {
        // x = (1, 0, 0, 0) per person, p = 1 each: Σᵢⱼ|xᵢ−xⱼ| = 6; 2P²μ = 2 × 16 × 1/4 = 8 → 0.75
        assertThat(WeightedGini.of(List.of(new Region(1, 1), new Region(1, 0), new Region(1, 0), new Region(1, 0))))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void populationWeightsCount() {
        // p = (1, 3), counts (3, 1): x = (3, 1/3); P = 4, μ = 1; Σᵢⱼ = 2 × 1 × 3 × 8/3 = 16; 2P²μ = 32 → 0.5
        // (unweighted over the two regions it would be |3 − 1/3| / (2 × 2 × 5/3) = 0.4)
        assertThat(WeightedGini.of(List.of(new Region(1, 3), new Region(3, 1)))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void nothingToShareOrNobodyToShareItWithGivesNoCoefficient() {
        assertThat(WeightedGini.of(List.of(new Region(10, 0), new Region(20, 0)))).isNull();
        assertThat(WeightedGini.of(List.of(new Region(0, 5)))).isNull();
        assertThat(WeightedGini.of(List.of())).isNull();
    }
}
