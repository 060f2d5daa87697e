package org.carebridge.teleconsults.internal;

import java.util.UUID;

import org.carebridge.cases.CaseAccessPolicy;
import org.carebridge.identity.StaffMember;
import org.carebridge.patients.CareRelationships;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * A doctor may see the chart of a patient whose teleconsult they hold (roles.md: "those in their
 * tasks"), until 30 days after it closes.
 */
@Component
class TeleconsultCareTeam implements CareRelationships {

    private final TeleconsultRepository teleconsults;

    TeleconsultCareTeam(TeleconsultRepository teleconsults) {
        this.teleconsults = teleconsults;
    }

    @Override
    public boolean involves(StaffMember staff, UUID patientId) {
        if (staff.allRegions() || staff.practitionerId() == null) {
            return false;
        }
        Specification<Teleconsult> ofPatient = (root, q, cb) -> cb.and(cb.equal(root.get("patientId"), patientId),
                cb.equal(root.get("doctorId"), staff.practitionerId()), cb.or(cb.isNull(root.get("closedAt")),
                        cb.greaterThan(root.get("closedAt"), TeleconsultTimeline.now().minus(
                                CaseAccessPolicy.ACCESS_AFTER_CLOSE))));
        return teleconsults.exists(ofPatient);
    }
}
