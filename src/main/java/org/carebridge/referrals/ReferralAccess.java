package org.carebridge.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees which referral ({@code shared/spec/roles.md}): coordinators those referred from the
 * facility and regions they serve; doctors those routed to them and emergencies awaiting an outcome;
 * planners every referral, as demand, without the clinical assessment.
 */
final class ReferralAccess {

    private static final Set<ReferralStatus> AWAITING_OUTCOME = Set.of(ReferralStatus.SCHEDULED, ReferralStatus.REPORTED);

    private ReferralAccess() {
    }

    static boolean maySee(StaffMember user, Referral r) {
        if (user.hasAnyRole(Role.PLANNER)) {
            return true;
        }
        if (user.hasAnyRole(Role.COORDINATOR) && (user.allRegions()
                || user.regionIds().contains(r.getReferringRegionId())
                || r.getReferringFacilityId().equals(user.facilityId()))) {
            return true;
        }
        return user.hasAnyRole(Role.DOCTOR) && (user.practitionerId() != null
                && user.practitionerId().equals(r.getAssignedDoctorId())
                || r.isEmergency() && r.getAssignedDoctorId() == null && AWAITING_OUTCOME.contains(r.getStatus()));
    }

    static void requireVisible(StaffMember user, Referral r) {
        if (!maySee(user, r)) {
            throw new AccessDeniedException("This referral is outside the facility, regions or patients you serve");
        }
    }

    /** Whether the user may see the clinical picture, not only the demand. */
    static boolean maySeeChart(StaffMember user) {
        return user.hasAnyRole(Role.COORDINATOR, Role.DOCTOR);
    }

    /** The same rule as {@link #maySee}, as a query. */
    static Specification<Referral> visibleTo(StaffMember user) {
        return (root, query, cb) -> {
            if (user.hasAnyRole(Role.PLANNER) || user.hasAnyRole(Role.COORDINATOR) && user.allRegions()) {
                return cb.conjunction();
            }
            List<Predicate> any = new ArrayList<>();
            if (user.hasAnyRole(Role.COORDINATOR)) {
                if (!user.regionIds().isEmpty()) {
                    any.add(root.get("referringRegionId").in(user.regionIds()));
                }
                if (user.facilityId() != null) {
                    any.add(cb.equal(root.get("referringFacilityId"), user.facilityId()));
                }
            }
            if (user.hasAnyRole(Role.DOCTOR)) {
                if (user.practitionerId() != null) {
                    any.add(cb.equal(root.get("assignedDoctorId"), user.practitionerId()));
                }
                any.add(cb.and(cb.equal(root.get("urgency"), Urgency.EMERGENCY), cb.isNull(root.get("assignedDoctorId")),
                        root.get("status").in(AWAITING_OUTCOME)));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }
}
