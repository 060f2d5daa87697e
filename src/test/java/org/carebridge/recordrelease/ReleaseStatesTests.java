package org.carebridge.recordrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.carebridge.ProcessWaitStates;
import org.junit.jupiter.api.Test;

/** Where the consistency check lets a record request's process wait in each status, held against record-release.bpmn. */
class ReleaseStatesTests {

    private final Set<String> waits = ProcessWaitStates.of("record-release.bpmn");

    @Test
    void everyStatusSaysWhereItsProcessMayWaitAndOnlyAtPlacesItCanWait() {
        assertThat(ReleaseStates.WAITS_AT).containsOnlyKeys(RecordRequestStatus.values());
        for (RecordRequestStatus status : RecordRequestStatus.values()) {
            assertThat(waits).as(status.name()).containsAll(ReleaseStates.waitsAt(status, true));
        }
    }

    @Test
    void everyPlaceTheProcessWaitsIsTheStepOfAStatusThatStillRuns() {
        Set<String> named = new TreeSet<>();
        Arrays.stream(RecordRequestStatus.values()).filter(s -> !s.isFinished())
                .forEach(s -> named.addAll(ReleaseStates.waitsAt(s, true)));
        assertThat(named).isEqualTo(waits);
    }

    @Test
    void aReleaseWaitsForItsExpiryAndABrokenGlassAlsoForItsReviewEvenOnceExpired() {
        assertThat(ReleaseStates.waitsAt(RecordRequestStatus.RELEASED, false)).containsExactly("ReleaseExpired");
        assertThat(ReleaseStates.waitsAt(RecordRequestStatus.RELEASED, true))
                .containsExactlyInAnyOrder("ReleaseExpired", "ReviewEmergencyAccess");
        assertThat(ReleaseStates.waitsAt(RecordRequestStatus.EXPIRED, false)).isEmpty();
        assertThat(ReleaseStates.waitsAt(RecordRequestStatus.EXPIRED, true)).containsExactly("ReviewEmergencyAccess");
        assertThat(ReleaseStates.waitsAt(RecordRequestStatus.REVOKED, true)).containsExactly("ReleaseExpired");
        assertThat(ReleaseStates.waitsAt(RecordRequestStatus.DENIED, true)).isEmpty();
        assertThat(ReleaseStates.waitsAt(RecordRequestStatus.CANCELLED, true)).isEmpty();
    }
}
