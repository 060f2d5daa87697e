package org.carebridge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SignInBackOffTests {

    private final SignInBackOff backOff = new SignInBackOff(5, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofHours(1));
    private final FailedSignIns failed = new FailedSignIns(backOff);
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void eachLockLastsTwiceAsLongAsTheOneBeforeUpToTheLongest() {
        assertThat(backOff.lock(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backOff.lock(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backOff.lock(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(backOff.lock(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backOff.lock(7)).isEqualTo(Duration.ofHours(1));
        assertThat(backOff.lock(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockForOneMinute() {
        for (int i = 0; i < 4; i++) {
            assertThat(failAfter(Duration.ofMinutes(3))).isEmpty();
        }
        assertThat(failed.lockedUntil(now)).isEmpty();
        assertThat(failAfter(Duration.ofMinutes(2))).contains(now.plus(Duration.ofMinutes(1)));
        assertThat(failed.lockedUntil(now.plusSeconds(59))).isPresent();
        assertThat(failed.lockedUntil(now.plusSeconds(60))).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        for (int i = 0; i < 20; i++) {
            assertThat(failAfter(Duration.ofMinutes(4))).isEmpty();
        }
    }

    @Test
    void guessingOnAfterALockLocksTwiceAsLong() {
        lockOnce();
        now = now.plus(Duration.ofMinutes(1));
        lockOnce();
        assertThat(failed.lockedUntil(now)).contains(now.plus(Duration.ofMinutes(2)));
        now = now.plus(Duration.ofMinutes(2));
        lockOnce();
        assertThat(failed.lockedUntil(now)).contains(now.plus(Duration.ofMinutes(4)));
    }

    @Test
    void aQuietWindowAfterALockForgetsIt() {
        lockOnce();
        now = now.plus(Duration.ofMinutes(17));
        assertThat(failed.forgettable(now)).isTrue();
        lockOnce();
        assertThat(failed.lockedUntil(now)).contains(now.plus(Duration.ofMinutes(1)));
    }

    private void lockOnce() {
        for (int i = 0; i < 5; i++) {
            failed.fail(now);
        }
    }

    private Optional<Instant> failAfter(Duration pause) {
        now = now.plus(pause);
        return failed.fail(now);
    }
}
