package org.carebridge.referrals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carebridge.directory.Practitioner;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The booked slots of doctors and equipment. A booking is refused when it falls outside the doctor's
 * hours or on a slot the doctor or the equipment already holds; the doctor's and equipment's rows are
 * locked first, so two coordinators cannot take the same slot at once.
 */
@Component
class Bookings {

    static final Set<Appointment.Status> HELD = EnumSet.of(Appointment.Status.BOOKED, Appointment.Status.ATTENDED);

    private final AppointmentRepository appointments;
    private final JdbcTemplate jdbc;
    private final List<DoctorCommitments> commitments;

    Bookings(AppointmentRepository appointments, JdbcTemplate jdbc, List<DoctorCommitments> commitments) {
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.commitments = commitments;
    }

    Appointment book(UUID referralId, Practitioner doctor, Instant start, Instant end, AppointmentMode mode,
            Long facilityId, Long equipmentId, String bookedBy) {
        jdbc.queryForList("select id from practitioner where id = ? for update", Long.class, doctor.getId());
        if (equipmentId != null) {
            jdbc.queryForList("select id from equipment where id = ? for update", Long.class, equipmentId);
        }
        List<FieldError> conflicts = new ArrayList<>();
        if (!doctor.worksThrough(start, end)) {
            conflicts.add(new FieldError("start", "is outside the working hours of " + doctor.getCode()));
        }
        appointments.doctorBookings(doctor.getId(), start, end, HELD).stream().findFirst().ifPresent(a ->
                conflicts.add(new FieldError("start", doctor.getCode() + " is already booked " + span(a)
                        + " for referral " + a.getReferralId())));
        commitments.stream().flatMap(c -> c.between(doctor.getId(), start, end).stream()).findFirst()
                .ifPresent(c -> conflicts.add(new FieldError("start", doctor.getCode() + " is already booked: " + c)));
        if (equipmentId != null) {
            appointments.equipmentBookings(equipmentId, start, end, HELD).stream().findFirst().ifPresent(a ->
                    conflicts.add(new FieldError("equipmentId", "is already booked " + span(a)
                            + " for referral " + a.getReferralId())));
        }
        if (!conflicts.isEmpty()) {
            throw new InvalidRequestException(conflicts);
        }
        return appointments.save(new Appointment(referralId, doctor.getId(), facilityId, equipmentId, mode, start, end,
                Timeline.now(), bookedBy));
    }

    /**
     * Ends the referral's booked appointment (attended, missed or cancelled); returns it, or null. The one still
     * BOOKED, not merely the last booked: two bookings of one referral at the same instant (a clock held still)
     * left the second holding its slot after the referral failed, as the consistency check found.
     */
    Appointment end(UUID referralId, Appointment.Status outcome) {
        Appointment booked = appointments.findByReferralIdOrderByBookedAtDesc(referralId).stream()
                .filter(a -> a.getStatus() == Appointment.Status.BOOKED).findFirst().orElse(null);
        if (booked != null) {
            booked.end(outcome);
        }
        return booked;
    }

    /** Whether something other than a referral (a teleconsult session) holds the doctor then. */
    boolean committedElsewhere(long doctorId, Instant start, Instant end) {
        return commitments.stream().anyMatch(c -> !c.between(doctorId, start, end).isEmpty());
    }

    List<Appointment> doctorBookings(long doctorId, Instant from, Instant to) {
        return appointments.doctorBookings(doctorId, from, to, HELD);
    }

    private static String span(Appointment a) {
        LocalDateTime from = LocalDateTime.ofInstant(a.getStartsAt(), WeeklyAvailability.ZONE);
        LocalDateTime to = LocalDateTime.ofInstant(a.getEndsAt(), WeeklyAvailability.ZONE);
        return from.toLocalDate() + " " + from.toLocalTime() + "–" + to.toLocalTime();
    }
}
