package org.carebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.carebridge.ProcessWaitStates;
import org.junit.jupiter.api.Test;

/** Where the consistency check lets a referral's process wait in each status, held against referral.bpmn. */
class ReferralStatesTests {

    private final Set<String> waits = ProcessWaitStates.of("referral.bpmn");

    @Test
    void everyStatusSaysWhereItsProcessMayWaitAndOnlyAtPlacesItCanWait() {
        assertThat(ReferralStates.WAITS_AT).containsOnlyKeys(ReferralStatus.values());
        ReferralStates.WAITS_AT.forEach((status, steps) -> assertThat(waits).as(status.name()).containsAll(steps));
    }

    @Test
    void everyPlaceTheProcessWaitsIsTheStepOfAnOpenStatus() {
        Set<String> named = new TreeSet<>();
        Arrays.stream(ReferralStatus.values()).filter(s -> !s.isFinished()).forEach(s -> named.addAll(ReferralStates.WAITS_AT.get(s)));
        assertThat(named).isEqualTo(waits);
    }

    @Test
    void aFinishedReferralLeavesNoProcess() {
        Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isFinished)
                .forEach(s -> assertThat(ReferralStates.WAITS_AT.get(s)).as(s.name()).isEmpty());
    }
}
