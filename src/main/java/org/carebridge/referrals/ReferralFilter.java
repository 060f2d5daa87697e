package org.carebridge.referrals;

import java.util.UUID;

import org.carebridge.guidelines.Urgency;

/** The referral board's filters; each may be absent. */
public record ReferralFilter(ReferralStatus status, Urgency urgency, Long regionId, Boolean slaBreached,
        Boolean escalated, UUID patientId) {
}
