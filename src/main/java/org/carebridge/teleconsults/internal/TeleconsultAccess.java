package org.carebridge.teleconsults.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees which teleconsult ({@code shared/spec/roles.md}): coordinators those requested from the
 * facility and regions they serve; doctors those routed to them and those requested from their own
 * facility or asked for themselves (the requesting side).
 */
public final class TeleconsultAccess {

    private TeleconsultAccess() {
    }

    public static boolean maySee(StaffMember user, Teleconsult t) {
        if (user.hasAnyRole(Role.COORDINATOR) && (user.allRegions()
                || user.regionIds().contains(t.getRequestingRegionId())
                || t.getRequestingFacilityId().equals(user.facilityId()))) {
            return true;
        }
        return user.hasAnyRole(Role.DOCTOR) && (user.practitionerId() != null
                && user.practitionerId().equals(t.getDoctorId())
                || user.facilityId() != null && user.facilityId().equals(t.getRequestingFacilityId())
                || user.username().equals(t.getRequestedBy()));
    }

    public static void requireVisible(StaffMember user, Teleconsult t) {
        if (!maySee(user, t)) {
            throw new AccessDeniedException("This teleconsult is outside the facility, regions or patients you serve");
        }
    }

    /** The same rule as {@link #maySee}, as a query. */
    public static Specification<Teleconsult> visibleTo(StaffMember user) {
        return (root, query, cb) -> {
            if (user.hasAnyRole(Role.COORDINATOR) && user.allRegions()) {
                return cb.conjunction();
            }
            List<Predicate> any = new ArrayList<>();
            if (user.hasAnyRole(Role.COORDINATOR) && !user.regionIds().isEmpty()) {
                any.add(root.get("requestingRegionId").in(user.regionIds()));
            }
            if (user.hasAnyRole(Role.COORDINATOR, Role.DOCTOR) && user.facilityId() != null) {
                any.add(cb.equal(root.get("requestingFacilityId"), user.facilityId()));
            }
            if (user.hasAnyRole(Role.DOCTOR)) {
                if (user.practitionerId() != null) {
                    any.add(cb.equal(root.get("doctorId"), user.practitionerId()));
                }
                any.add(cb.equal(root.get("requestedBy"), user.username()));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }
}
