package org.carebridge.referrals;

import java.util.UUID;

import org.carebridge.identity.StaffMember;
import org.carebridge.patients.CareRelationships;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * A referral's care team may see the patient's chart (roles.md: "those in their tasks"): the doctor it
 * is routed to or the facility an emergency was taken to, until 30 days after it closes. A planner's
 * view of the demand gives no reason to read a chart.
 */
@Component
class ReferralCareTeam implements CareRelationships {

    private final ReferralRepository referrals;

    ReferralCareTeam(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public boolean involves(StaffMember staff, UUID patientId) {
        Specification<Referral> ofPatient = (root, q, cb) -> cb.equal(root.get("patientId"), patientId);
        return !staff.allRegions() && referrals.exists(ReferralAccess.clinicalFor(staff).and(ofPatient));
    }
}
