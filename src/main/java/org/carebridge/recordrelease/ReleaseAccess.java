package org.carebridge.recordrelease;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;
import org.carebridge.directory.Directory;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.carebridge.tasks.OpenTask;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who has a reason to see a record request: staff serving either facility (their own facility, one in
 * their regions, or every region for a province-wide coordinator). The steps the source takes — asking
 * the patient, reviewing the release — are for staff serving the source facility.
 */
@Component
class ReleaseAccess {

    private final Directory directory;
    private final RecordRequestRepository requests;

    ReleaseAccess(Directory directory, RecordRequestRepository requests) {
        this.directory = directory;
        this.requests = requests;
    }

    boolean serves(StaffMember user, long facilityId) {
        return user.allRegions() || Objects.equals(user.facilityId(), facilityId)
                || user.regionIds().contains(directory.facility(facilityId).getRegionId());
    }

    /** Either side's staff; administrators only the requests that broke the glass, which they review. */
    boolean maySee(StaffMember user, RecordRequest request) {
        if (user.hasAnyRole(Role.COORDINATOR, Role.DOCTOR, Role.RECORDS_OFFICER)
                && (serves(user, request.getFromFacilityId()) || serves(user, request.getToFacilityId()))) {
            return true;
        }
        return user.hasAnyRole(Role.ADMIN) && request.isBreakGlass();
    }

    void requireVisible(StaffMember user, RecordRequest request) {
        if (!maySee(user, request)) {
            throw new AccessDeniedException("This record request is between facilities you do not serve");
        }
    }

    void requireAtSource(StaffMember user, RecordRequest request, String step) {
        if (!serves(user, request.getFromFacilityId())) {
            throw new AccessDeniedException(step + " is for staff serving the facility that holds the records");
        }
    }

    /** A source-side task of the request: in the inbox of those serving the source facility only. */
    boolean mayWorkAtSource(StaffMember user, OpenTask task) {
        // no request any more: the process just ended, and completing the task will say so
        return task.recordRequestId() == null || requests.findById(task.recordRequestId())
                .map(request -> serves(user, request.getFromFacilityId())).orElse(true);
    }

    /** The requests a user may see, as a query criterion. */
    Specification<RecordRequest> visibleTo(StaffMember user) {
        if (user.allRegions()) {
            return (root, query, cb) -> cb.conjunction();
        }
        Set<Long> served = new HashSet<>(directory.facilityIdsIn(user.regionIds()));
        if (user.facilityId() != null) {
            served.add(user.facilityId());
        }
        if (served.isEmpty()) {
            return (root, query, cb) -> cb.disjunction();
        }
        return (root, query, cb) -> cb.or(new Predicate[] {root.get("fromFacilityId").in(served),
                root.get("toFacilityId").in(served)});
    }
}
