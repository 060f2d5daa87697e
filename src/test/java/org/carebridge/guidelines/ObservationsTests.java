package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.carebridge.clinical.Consciousness;
import org.junit.jupiter.api.Test;

/** New observations update a referral's or a teleconsult's: what was measured again replaces the old value. */
class ObservationsTests {

    private static final Observations BEFORE = new Observations(18.0, 96.0, false, 130.0, 85.0, 80.0, Consciousness.ALERT,
            37.0, null, null, null, null, null, null);

    @Test
    void whatWasMeasuredAgainReplacesTheOldValueAndTheRestStays() {
        Observations after = BEFORE.updatedBy(new Observations(28.0, null, null, null, null, 125.0, null, null, null,
                null, null, null, null, null));
        assertThat(after.respiratoryRate()).isEqualTo(28.0);
        assertThat(after.heartRate()).isEqualTo(125.0);
        assertThat(after.oxygenSaturation()).isEqualTo(96.0);
        assertThat(after.systolicBp()).isEqualTo(130.0);
        assertThat(after.diastolicBp()).isEqualTo(85.0);
    }

    @Test
    void aBloodPressureIsReplacedAsAPairNeverMixedWithTheOldOne() {
        Observations systolicOnly = BEFORE.updatedBy(new Observations(null, null, null, 80.0, null, null, null, null, null,
                null, null, null, null, null));
        assertThat(systolicOnly.systolicBp()).isEqualTo(80.0);
        assertThat(systolicOnly.diastolicBp()).as("the old 85 beside a new 80 was never measured").isNull();
    }

    @Test
    void nothingMeasuredIsTold() {
        assertThat(Observations.none().measuresNothing()).isTrue();
        assertThat(BEFORE.measuresNothing()).isFalse();
    }
}
