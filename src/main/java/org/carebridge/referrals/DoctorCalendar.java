package org.carebridge.referrals;

import java.time.Instant;
import java.util.List;

import org.carebridge.directory.Practitioner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A doctor's booked referral appointments, for other modules that book the doctor's time (a
 * teleconsult): the same checks {@link Bookings} makes before it books a referral's slot.
 */
@Component
public class DoctorCalendar {

    private final Bookings bookings;
    private final JdbcTemplate jdbc;

    DoctorCalendar(Bookings bookings, JdbcTemplate jdbc) {
        this.bookings = bookings;
        this.jdbc = jdbc;
    }

    /**
     * Why the doctor cannot be booked from start to end — outside their hours, or already booked for a
     * referral — or an empty list when they can. Locks the doctor's row for the caller's transaction,
     * as a referral booking does, so two bookings of the same slot are serialised.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> conflicts(Practitioner doctor, Instant start, Instant end) {
        jdbc.queryForList("select id from practitioner where id = ? for update", Long.class, doctor.getId());
        List<String> found = new java.util.ArrayList<>();
        if (!doctor.worksThrough(start, end)) {
            found.add("is outside the working hours of " + doctor.getCode());
        }
        bookings.doctorBookings(doctor.getId(), start, end).stream().findFirst().ifPresent(a ->
                found.add(doctor.getCode() + " is already booked then for referral " + a.getReferralId()));
        return found;
    }
}
