package org.carebridge.teleconsults.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.carebridge.cases.CaseAccessPolicy;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.carebridge.teleconsults.Teleconsults;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teleconsult's access policy ({@code shared/spec/roles.md}, "Objects, not only roles"):
 * coordinators serving the patient's or the requesting facility's county see the case and schedule it;
 * doctors see the teleconsults routed to them and those their own facility asked for or they asked for
 * themselves (the requesting side), until 30 days after the teleconsult closes; only the doctor it is
 * routed to conducts it. Roles combine as the union of what each grants on the same teleconsult.
 */
@Component
public class TeleconsultAccess implements CaseAccessPolicy {

    static final String CASE_VARIABLE = "teleconsultId";

    private final TeleconsultRepository teleconsults;

    TeleconsultAccess(TeleconsultRepository teleconsults) {
        this.teleconsults = teleconsults;
    }

    @Override
    public String processKey() {
        return Teleconsults.PROCESS_KEY;
    }

    @Override
    public String caseVariable() {
        return CASE_VARIABLE;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayWork(StaffMember user, UUID caseId, String taskKey) {
        return teleconsults.findById(caseId).map(t -> switch (taskKey) {
            case "ScheduleTeleconsult" -> servesCase(user, t);
            case "ConductTeleconsult" -> user.hasAnyRole(Role.DOCTOR) && isRoutedTo(user, t);
            default -> false;
        }).orElse(false);
    }

    public static boolean maySee(StaffMember user, Teleconsult t) {
        return servesCase(user, t) || user.hasAnyRole(Role.DOCTOR)
                && CaseAccessPolicy.withinReach(t.getClosedAt(), TeleconsultTimeline.now())
                && (isRoutedTo(user, t) || user.facilityId() != null && user.facilityId().equals(t.getRequestingFacilityId())
                        || user.username().equals(t.getRequestedBy()));
    }

    public static void requireVisible(StaffMember user, Teleconsult t) {
        if (!maySee(user, t)) {
            throw new AccessDeniedException("This teleconsult is outside the counties, facility or patients you serve");
        }
    }

    /** Coordinators serving the case, who may cancel it. */
    public static void requireServed(StaffMember user, Teleconsult t) {
        if (!servesCase(user, t)) {
            throw new AccessDeniedException("This teleconsult is for coordinators serving another county");
        }
    }

    private static boolean servesCase(StaffMember user, Teleconsult t) {
        return user.hasAnyRole(Role.COORDINATOR) && (user.allRegions()
                || user.regionIds().contains(t.getRequestingRegionId())
                || t.getPatientRegionId() != null && user.regionIds().contains(t.getPatientRegionId())
                || t.getRequestingFacilityId().equals(user.facilityId()));
    }

    private static boolean isRoutedTo(StaffMember user, Teleconsult t) {
        return user.practitionerId() != null && user.practitionerId().equals(t.getDoctorId());
    }

    /** The same rule as {@link #maySee}, as a query. */
    public static Specification<Teleconsult> visibleTo(StaffMember user) {
        return (root, query, cb) -> {
            if (user.hasAnyRole(Role.COORDINATOR) && user.allRegions()) {
                return cb.conjunction();
            }
            List<Predicate> any = new ArrayList<>();
            if (user.hasAnyRole(Role.COORDINATOR)) {
                if (!user.regionIds().isEmpty()) {
                    any.add(root.get("requestingRegionId").in(user.regionIds()));
                    any.add(root.get("patientRegionId").in(user.regionIds()));
                }
                if (user.facilityId() != null) {
                    any.add(cb.equal(root.get("requestingFacilityId"), user.facilityId()));
                }
            }
            if (user.hasAnyRole(Role.DOCTOR)) {
                List<Predicate> theirs = new ArrayList<>();
                theirs.add(cb.equal(root.get("requestedBy"), user.username()));
                if (user.practitionerId() != null) {
                    theirs.add(cb.equal(root.get("doctorId"), user.practitionerId()));
                }
                if (user.facilityId() != null) {
                    theirs.add(cb.equal(root.get("requestingFacilityId"), user.facilityId()));
                }
                any.add(cb.and(cb.or(theirs.toArray(Predicate[]::new)),
                        CaseAccessPolicy.withinReach(root.<Instant>get("closedAt"), cb, TeleconsultTimeline.now())));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }
}
