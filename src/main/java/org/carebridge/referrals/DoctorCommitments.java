package org.carebridge.referrals;

import java.time.Instant;
import java.util.List;

/**
 * Time a doctor has promised to something other than a referral's appointment (a teleconsult
 * session, say), contributed by the module that books it: a referral's slot is refused when it
 * overlaps one. (The other module depends on this one, never the reverse.)
 */
public interface DoctorCommitments {

    /** What holds the doctor between start and end, each in a few words; empty when nothing does. */
    List<String> between(long doctorId, Instant start, Instant end);
}
