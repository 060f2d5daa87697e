package org.carebridge.referrals;

import java.time.Instant;

/** One step, decision, override, breach or escalation in a referral's life. */
public record TimelineEntry(Instant at, TimelineType type, String actor, String details) {
}
