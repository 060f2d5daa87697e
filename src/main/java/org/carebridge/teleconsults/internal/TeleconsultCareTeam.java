package org.carebridge.teleconsults.internal;

import java.util.UUID;

import org.carebridge.identity.StaffMember;
import org.carebridge.patients.CareRelationships;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * A teleconsult's care team may see the patient's chart (roles.md: "those in their tasks"): the
 * coordinators serving it, the doctor it is routed to and the requesting side, until 30 days after it
 * closes — the same rule as the teleconsult itself ({@link TeleconsultAccess#visibleTo}).
 */
@Component
class TeleconsultCareTeam implements CareRelationships {

    private final TeleconsultRepository teleconsults;

    TeleconsultCareTeam(TeleconsultRepository teleconsults) {
        this.teleconsults = teleconsults;
    }

    @Override
    public boolean involves(StaffMember staff, UUID patientId) {
        Specification<Teleconsult> ofPatient = (root, q, cb) -> cb.equal(root.get("patientId"), patientId);
        return !staff.allRegions() && teleconsults.exists(TeleconsultAccess.visibleTo(staff).and(ofPatient));
    }
}
