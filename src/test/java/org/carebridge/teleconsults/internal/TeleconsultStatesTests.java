package org.carebridge.teleconsults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.carebridge.ProcessWaitStates;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.junit.jupiter.api.Test;

/** Where the consistency check lets a teleconsult's process wait in each status, held against teleconsult.bpmn. */
class TeleconsultStatesTests {

    private final Set<String> waits = ProcessWaitStates.of("teleconsult.bpmn");

    @Test
    void everyStatusSaysWhereItsProcessMayWaitAndOnlyAtPlacesItCanWait() {
        assertThat(TeleconsultStates.WAITS_AT).containsOnlyKeys(TeleconsultStatus.values());
        TeleconsultStates.WAITS_AT.forEach((status, steps) -> assertThat(waits).as(status.name()).containsAll(steps));
    }

    @Test
    void everyPlaceTheProcessWaitsIsTheStepOfAnOpenStatus() {
        Set<String> named = new TreeSet<>();
        Arrays.stream(TeleconsultStatus.values()).filter(TeleconsultStatus::isOpen)
                .forEach(s -> named.addAll(TeleconsultStates.WAITS_AT.get(s)));
        assertThat(named).isEqualTo(waits);
    }

    @Test
    void aFinishedTeleconsultLeavesNoProcess() {
        Arrays.stream(TeleconsultStatus.values()).filter(TeleconsultStatus::isFinished)
                .forEach(s -> assertThat(TeleconsultStates.WAITS_AT.get(s)).as(s.name()).isEmpty());
    }
}
