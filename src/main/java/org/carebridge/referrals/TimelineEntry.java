package org.carebridge.referrals;

import java.time.Instant;

import org.carebridge.shared.TimelineRow;
import org.carebridge.shared.Wording;

/** One step, decision, override, breach or escalation in a referral's life. */
public record TimelineEntry(Instant at, TimelineType type, String actor, Wording wording) implements TimelineRow {
}
