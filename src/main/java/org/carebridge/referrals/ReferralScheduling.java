package org.carebridge.referrals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.NotFoundException;
import org.carebridge.tasks.OpenTask;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral workflow as the scheduler sees it: the demand (accepted referrals waiting for a slot),
 * the slots already booked, and booking a planned slot — the {@code ScheduleAppointment} step, with
 * the same checks as the coordinator's form.
 */
@Service
@Transactional
public class ReferralScheduling {

    /** A referral its doctor accepted, waiting for a slot. */
    public record AwaitingAppointment(UUID referralId, UUID patientId, Urgency urgency, Specialty specialty,
            long regionId, long referringFacilityId, long doctorId, Instant since) {
    }

    /** A slot held by a referral's appointment. */
    public record BookedSlot(UUID referralId, UUID patientId, long doctorId, Long equipmentId, Instant start,
            Instant end, AppointmentMode mode, Long facilityId, long regionId, Urgency urgency, Specialty specialty) {
    }

    private final ReferralRepository referrals;
    private final AppointmentRepository appointments;
    private final SchedulingAppointment scheduling;
    private final TaskService taskService;

    ReferralScheduling(ReferralRepository referrals, AppointmentRepository appointments,
            SchedulingAppointment scheduling, TaskService taskService) {
        this.referrals = referrals;
        this.appointments = appointments;
        this.scheduling = scheduling;
        this.taskService = taskService;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PLANNER')")
    public List<AwaitingAppointment> awaitingAppointment() {
        return referrals.findByStatusOrderByCreatedAtAsc(ReferralStatus.ACCEPTED).stream()
                .filter(r -> !r.isEmergency() && r.getAssignedDoctorId() != null)
                .map(r -> new AwaitingAppointment(r.getId(), r.getPatientId(), r.getUrgency(), r.getSpecialty(),
                        r.getReferringRegionId(), r.getReferringFacilityId(), r.getAssignedDoctorId(), r.getUpdatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PLANNER')")
    public List<BookedSlot> bookedBetween(Instant from, Instant to) {
        List<Appointment> booked = appointments.bookingsBetween(from, to, Bookings.HELD);
        // one read of the slots' referrals, not one per slot: every suggestion asks for the week's bookings
        Map<UUID, Referral> byId = referrals.findAllById(booked.stream().map(Appointment::getReferralId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Referral::getId, r -> r));
        return booked.stream().map(a -> {
            Referral r = byId.get(a.getReferralId());
            return new BookedSlot(a.getReferralId(), r.getPatientId(), a.getPractitionerId(), a.getEquipmentId(),
                    a.getStartsAt(), a.getEndsAt(), a.getMode(), a.getFacilityId(), r.getReferringRegionId(),
                    r.getUrgency(), r.getSpecialty());
        }).toList();
    }

    /**
     * Books a planned slot for an accepted referral: the {@code ScheduleAppointment} step, with the same
     * checks as the coordinator's form (400 naming the conflict); 409 when the referral waits for no slot.
     */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PLANNER')")
    public ReferralDetails.AppointmentView book(UUID referralId, Instant start, int minutes, AppointmentMode mode, Long facilityId,
            Long equipmentId) {
        Referral referral = referrals.findById(referralId)
                .orElseThrow(() -> new NotFoundException("No referral " + referralId));
        Task task = taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey(SchedulingAppointment.KEY).singleResult();
        if (task == null) {
            throw new ConflictException("referralId", "Referral " + referralId + " is " + referral.getStatus()
                    + ", not waiting for an appointment");
        }
        OpenTask open = new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), Referrals.PROCESS_KEY,
                referralId, referralId, null, null,
                referral.getPatientId(), referral.getUrgency().name(), null, task.getAssignee(), task.getPriority(),
                task.getCreateTime().toInstant(), task.getProcessInstanceId());
        Map<String, Object> variables = scheduling.submit(open, new SchedulingAppointment.Form(
                OffsetDateTime.ofInstant(start, ZoneOffset.UTC), mode, facilityId, equipmentId, minutes));
        taskService.setAssignee(task.getId(), CurrentStaff.actor());
        taskService.complete(task.getId(), variables);
        return ReferralDetails.AppointmentView.of(appointments.findByReferralIdOrderByBookedAtDesc(referralId).get(0));
    }
}
