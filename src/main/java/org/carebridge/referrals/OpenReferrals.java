package org.carebridge.referrals;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;
import org.carebridge.patients.OpenCase;
import org.carebridge.patients.OpenCases;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The patient's referrals still under way, for the chart; linked where the reader may open them. */
@Component
@Order(1)
class OpenReferrals implements OpenCases {

    private static final List<ReferralStatus> OPEN = Arrays.stream(ReferralStatus.values())
            .filter(s -> !s.isFinished()).toList();

    private final ReferralRepository referrals;

    OpenReferrals(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public List<OpenCase> openFor(UUID patientId) {
        StaffMember reader = CurrentStaff.get();
        return referrals.findByPatientIdAndStatusIn(patientId, OPEN).stream()
                .map(r -> new OpenCase("referrals.case", r.getId(), "referrals.status." + r.getStatus(),
                        r.getUpdatedAt() != null ? r.getUpdatedAt() : r.getCreatedAt(),
                        ReferralAccess.maySee(reader, r) ? "referrals/" + r.getId() : null))
                .toList();
    }
}
