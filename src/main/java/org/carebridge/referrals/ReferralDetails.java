package org.carebridge.referrals;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.Urgency;

/**
 * A referral as the API and screens show it ({@code GET /api/referrals/{id}}). For those who may see
 * its demand but not its clinical content (planners), {@code clinical} is false and the assessment,
 * reason and outcome are left out.
 */
@JsonInclude(Include.ALWAYS)
public record ReferralDetails(
        UUID id,
        UUID patientId,
        ReferralStatus status,
        String fhirStatus,
        String fhirBusinessStatus,
        Urgency urgency,
        Specialty specialty,
        Assessment assessment,
        String rulesetVersion,
        Long assignedDoctorId,
        AppointmentView appointment,
        Transfer transfer,
        Outcome outcome,
        boolean slaBreached,
        boolean escalated,
        int declineCount,
        Set<Long> declinedDoctorIds,
        Long referringFacilityId,
        Long referringRegionId,
        String reason,
        Specialty requestedSpecialty,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        boolean clinical) {

    public record AppointmentView(UUID id, Long doctorId, Instant start, Instant end, AppointmentMode mode,
            Long facilityId, Long equipmentId, Appointment.Status status) {

        static AppointmentView of(Appointment a) {
            return a == null ? null : new AppointmentView(a.getId(), a.getPractitionerId(), a.getStartsAt(),
                    a.getEndsAt(), a.getMode(), a.getFacilityId(), a.getEquipmentId(), a.getStatus());
        }
    }

    public record Transfer(Long destinationFacilityId, Transport transport) {
    }

    public record Outcome(Boolean attended, String diagnosis, String plan, FollowUp followUp, int missedAppointments,
            UUID followUpReferralId) {
    }
}
