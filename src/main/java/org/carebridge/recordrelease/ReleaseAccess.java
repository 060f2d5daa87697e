package org.carebridge.recordrelease;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.carebridge.cases.CaseAccessPolicy;
import org.carebridge.directory.Directory;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record request's access policy: staff serving either facility (their own facility, one in their
 * regions, or every region for a province-wide coordinator) see it. The steps the source takes — asking
 * the patient, reviewing the release — are for staff serving the source facility.
 */
@Component
class ReleaseAccess implements CaseAccessPolicy {

    static final String CASE_VARIABLE = "recordRequestId";

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

    @Override
    public String processKey() {
        return RecordRequests.PROCESS_KEY;
    }

    @Override
    public String caseVariable() {
        return CASE_VARIABLE;
    }

    /**
     * The source's steps (asking the patient, reviewing the release) are for its staff of the task's role;
     * the review of a broken glass for administrators.
     */
    @Override
    @Transactional(readOnly = true)
    public boolean mayWork(StaffMember user, UUID caseId, String taskKey) {
        return requests.findById(caseId).map(request -> switch (taskKey) {
            case ObtainingConsent.KEY -> user.hasAnyRole(Role.COORDINATOR) && serves(user, request.getFromFacilityId());
            case ReviewingRelease.KEY -> user.hasAnyRole(Role.RECORDS_OFFICER) && serves(user, request.getFromFacilityId());
            case ReviewingEmergencyAccess.KEY -> user.hasAnyRole(Role.ADMIN) && request.isBreakGlass();
            default -> false;
        }).orElse(false);
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
