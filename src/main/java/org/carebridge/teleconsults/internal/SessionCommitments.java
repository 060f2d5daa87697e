package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.carebridge.referrals.DoctorCommitments;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.stereotype.Component;

/**
 * A doctor holding a teleconsult session is not free for a referral's appointment then. (Sessions a
 * referral called are its own appointment already, so only teleconsults requested on their own count.)
 */
@Component
class SessionCommitments implements DoctorCommitments {

    private final TeleconsultRepository teleconsults;

    SessionCommitments(TeleconsultRepository teleconsults) {
        this.teleconsults = teleconsults;
    }

    @Override
    public List<String> between(long doctorId, Instant start, Instant end) {
        return teleconsults.doctorSessions(doctorId, start, end,
                EnumSet.of(TeleconsultStatus.SCHEDULED, TeleconsultStatus.IN_PROGRESS)).stream()
                .map(t -> "teleconsult " + t.getId() + " from " + t.getStartsAt()).toList();
    }
}
