package org.carebridge.referrals;

import java.util.UUID;

import org.carebridge.identity.StaffMember;
import org.carebridge.patients.CareRelationships;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** A doctor may see the chart of a patient whose referral they were given (roles.md: "those in their tasks"). */
@Component
class ReferralCareTeam implements CareRelationships {

    private final ReferralRepository referrals;

    ReferralCareTeam(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public boolean involves(StaffMember staff, UUID patientId) {
        Specification<Referral> ofPatient = (root, q, cb) -> cb.equal(root.get("patientId"), patientId);
        return !staff.allRegions() && referrals.exists(ReferralAccess.visibleTo(staff).and(ofPatient));
    }
}
