package org.carebridge.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.carebridge.cases.CaseAccessPolicy;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffMember;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral's access policy ({@code shared/spec/roles.md}, "Objects, not only roles"):
 * <ul>
 * <li>coordinators serving the patient's or the referring facility's county see the case and work its
 * steps; the referring side's steps ({@code ProvideInformation}, {@code AcknowledgeOutcome}) only those
 * serving the referring facility's county;</li>
 * <li>doctors see the referrals routed to them and the emergencies transferred to their facility, until
 * 30 days after the referral closes; they accept what is routed to them and document the outcome of
 * what they saw;</li>
 * <li>planners see every referral's demand (urgency, specialty, county, dates), never its clinical
 * content.</li>
 * </ul>
 * Roles combine as the union of what each grants on the same referral.
 */
@Component
class ReferralAccess implements CaseAccessPolicy {

    /** What a user may see of a referral. */
    enum View { NONE, DEMAND, CLINICAL }

    static final String CASE_VARIABLE = "referralId";

    private final ReferralRepository referrals;

    ReferralAccess(ReferralRepository referrals) {
        this.referrals = referrals;
    }

    @Override
    public String processKey() {
        return Referrals.PROCESS_KEY;
    }

    @Override
    public String caseVariable() {
        return CASE_VARIABLE;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayWork(StaffMember user, UUID caseId, String taskKey) {
        return referrals.findById(caseId).map(r -> mayWork(user, r, taskKey)).orElse(false);
    }

    static boolean mayWork(StaffMember user, Referral r, String taskKey) {
        return switch (taskKey) {
            case "ReviewReferral", "ScheduleAppointment", "ArrangeEmergencyTransfer" -> servesCase(user, r);
            case "ProvideInformation", "AcknowledgeOutcome" -> servesReferringSide(user, r);
            case "AcceptReferral" -> user.hasAnyRole(Role.DOCTOR) && isRoutedTo(user, r);
            // an emergency's outcome is documented where the patient was taken
            case "DocumentOutcome" -> user.hasAnyRole(Role.DOCTOR)
                    && (r.getTransferFacilityId() == null ? isRoutedTo(user, r) : receivesTransfer(user, r));
            default -> false;
        };
    }

    static View view(StaffMember user, Referral r) {
        if (servesCase(user, r) || caresFor(user, r, Timeline.now())) {
            return View.CLINICAL;
        }
        return user.hasAnyRole(Role.PLANNER) ? View.DEMAND : View.NONE;
    }

    static boolean maySee(StaffMember user, Referral r) {
        return view(user, r) != View.NONE;
    }

    static void requireVisible(StaffMember user, Referral r) {
        if (!maySee(user, r)) {
            throw new AccessDeniedException("This referral is outside the counties, facility or patients you serve");
        }
    }

    /** The referral's clinical content (timeline, observations, urgency changes): its care team only. */
    static void requireClinical(StaffMember user, Referral r) {
        if (view(user, r) != View.CLINICAL) {
            throw new AccessDeniedException("This referral's clinical content is for the staff who care for it");
        }
    }

    /** Coordinators serving the case, who may cancel it and book its appointment. */
    static void requireServed(StaffMember user, Referral r) {
        if (!servesCase(user, r)) {
            throw new AccessDeniedException("This referral is for coordinators serving another county");
        }
    }

    private static boolean servesCase(StaffMember user, Referral r) {
        return servesReferringSide(user, r)
                || user.hasAnyRole(Role.COORDINATOR) && r.getPatientRegionId() != null
                        && user.regionIds().contains(r.getPatientRegionId());
    }

    private static boolean servesReferringSide(StaffMember user, Referral r) {
        return user.hasAnyRole(Role.COORDINATOR) && (user.allRegions()
                || user.regionIds().contains(r.getReferringRegionId())
                || r.getReferringFacilityId().equals(user.facilityId()));
    }

    private static boolean caresFor(StaffMember user, Referral r, Instant now) {
        return user.hasAnyRole(Role.DOCTOR) && CaseAccessPolicy.withinReach(r.getClosedAt(), now)
                && (isRoutedTo(user, r) || receivesTransfer(user, r));
    }

    private static boolean isRoutedTo(StaffMember user, Referral r) {
        return user.practitionerId() != null && user.practitionerId().equals(r.getAssignedDoctorId());
    }

    private static boolean receivesTransfer(StaffMember user, Referral r) {
        return user.facilityId() != null && user.facilityId().equals(r.getTransferFacilityId());
    }

    /** The referrals whose clinical content the user may see ({@link View#CLINICAL}), as a query. */
    static Specification<Referral> clinicalFor(StaffMember user) {
        return (root, query, cb) -> {
            if (user.hasAnyRole(Role.COORDINATOR) && user.allRegions()) {
                return cb.conjunction();
            }
            List<Predicate> any = new ArrayList<>();
            if (user.hasAnyRole(Role.COORDINATOR)) {
                if (!user.regionIds().isEmpty()) {
                    any.add(root.get("referringRegionId").in(user.regionIds()));
                    any.add(root.get("patientRegionId").in(user.regionIds()));
                }
                if (user.facilityId() != null) {
                    any.add(cb.equal(root.get("referringFacilityId"), user.facilityId()));
                }
            }
            if (user.hasAnyRole(Role.DOCTOR)) {
                List<Predicate> routed = new ArrayList<>();
                if (user.practitionerId() != null) {
                    routed.add(cb.equal(root.get("assignedDoctorId"), user.practitionerId()));
                }
                if (user.facilityId() != null) {
                    routed.add(cb.equal(root.get("transferFacilityId"), user.facilityId()));
                }
                if (!routed.isEmpty()) {
                    any.add(cb.and(cb.or(routed.toArray(Predicate[]::new)),
                            CaseAccessPolicy.withinReach(root.<Instant>get("closedAt"), cb, Timeline.now())));
                }
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }

    /** The referrals the user may see at all (planners: every one, as demand), as a query. */
    static Specification<Referral> visibleTo(StaffMember user) {
        return user.hasAnyRole(Role.PLANNER) ? (root, query, cb) -> cb.conjunction() : clinicalFor(user);
    }
}
