package org.carebridge.referrals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.carebridge.directory.Directory;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.identity.StaffAccounts;
import org.springframework.stereotype.Component;

/**
 * What a coordinator does by hand: the doctors with the specialty who have the fewest open referrals,
 * each at their earliest free slot. Teleconsult when the doctor can and works in another region than
 * the patient's; otherwise in person at the doctor's facility. The scheduling module's optimiser
 * replaces this as the primary {@link AppointmentSuggestions}.
 */
@Component
class EarliestFreeSlots implements AppointmentSuggestions {

    static final Duration SLOT = Duration.ofMinutes(15);
    static final Duration HORIZON = Duration.ofDays(28);
    static final EnumSet<ReferralStatus> OPEN = EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED,
            ReferralStatus.SCHEDULED);

    private final Directory directory;
    private final StaffAccounts staff;
    private final ReferralRepository referrals;
    private final Bookings bookings;

    EarliestFreeSlots(Directory directory, StaffAccounts staff, ReferralRepository referrals, Bookings bookings) {
        this.directory = directory;
        this.staff = staff;
        this.referrals = referrals;
        this.bookings = bookings;
    }

    @Override
    public List<AppointmentSuggestion> suggest(AppointmentDemand demand, int limit) {
        List<Practitioner> doctors = candidates(demand);
        Map<Long, Long> open = openReferrals(doctors);
        doctors.sort(Comparator.comparing((Practitioner p) -> open.getOrDefault(p.getId(), 0L))
                .thenComparing(Practitioner::getId));
        Instant earliest = roundUp(demand.earliest());
        Duration length = Duration.ofMinutes(demand.durationMinutes());
        List<AppointmentSuggestion> found = new ArrayList<>();
        // one doctor's slots at a time, fewest open referrals first, so that "AUTO" spreads the work
        for (Practitioner doctor : doctors) {
            for (Instant start : freeStarts(doctor, earliest, length, limit - found.size())) {
                found.add(suggestion(doctor, start, length, demand, open.getOrDefault(doctor.getId(), 0L)));
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    private List<Practitioner> candidates(AppointmentDemand demand) {
        if (demand.doctorId() != null) {
            return new ArrayList<>(List.of(directory.practitioner(demand.doctorId())));
        }
        Map<Long, String> logins = staff.usernamesOfPractitioners();
        List<Practitioner> doctors = new ArrayList<>();
        for (Practitioner p : directory.allPractitioners()) {
            if (p.hasSpecialty(demand.specialty()) && !demand.excludedDoctorIds().contains(p.getId())
                    && logins.containsKey(p.getId())) {
                doctors.add(p);
            }
        }
        return doctors;
    }

    private Map<Long, Long> openReferrals(List<Practitioner> doctors) {
        Map<Long, Long> open = new HashMap<>();
        if (!doctors.isEmpty()) {
            for (Object[] row : referrals.countOpenByDoctor(doctors.stream().map(Practitioner::getId).toList(), OPEN)) {
                open.put((Long) row[0], (Long) row[1]);
            }
        }
        return open;
    }

    /** Free slot starts of the doctor on the 15-minute grid, earliest first. */
    private List<Instant> freeStarts(Practitioner doctor, Instant earliest, Duration length, int limit) {
        List<Appointment> held = bookings.doctorBookings(doctor.getId(), earliest, earliest.plus(HORIZON));
        List<Instant> starts = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(earliest, WeeklyAvailability.ZONE);
        for (int day = 0; day < HORIZON.toDays() && starts.size() < limit; day++) {
            LocalDate date = first.plusDays(day);
            List<WeeklyAvailability> hours = doctor.getAvailability().stream()
                    .filter(h -> h.dayOfWeek() == date.getDayOfWeek())
                    .sorted(Comparator.comparing(WeeklyAvailability::start)).toList();
            for (WeeklyAvailability h : hours) {
                Instant start = ZonedDateTime.of(date, h.start(), WeeklyAvailability.ZONE).toInstant();
                Instant close = ZonedDateTime.of(date, h.end(), WeeklyAvailability.ZONE).toInstant();
                for (; !start.plus(length).isAfter(close) && starts.size() < limit; start = start.plus(SLOT)) {
                    Instant s = start;
                    if (!s.isBefore(earliest) && held.stream().noneMatch(a ->
                            a.getStartsAt().isBefore(s.plus(length)) && a.getEndsAt().isAfter(s))) {
                        starts.add(s);
                    }
                }
            }
        }
        return starts;
    }

    private AppointmentSuggestion suggestion(Practitioner doctor, Instant start, Duration length,
            AppointmentDemand demand, long openReferrals) {
        boolean remote = doctor.isTeleconsultCapable()
                && !Objects.equals(directory.facility(doctor.getHomeFacilityId()).getRegionId(), demand.regionId());
        AppointmentMode mode = remote ? AppointmentMode.TELECONSULT : AppointmentMode.IN_PERSON;
        long waitHours = Duration.between(demand.earliest(), start).toHours();
        return new AppointmentSuggestion(doctor.getId(), start, start.plus(length), mode,
                doctor.getHomeFacilityId(), null, waitHours,
                doctor.getCode() + ": " + openReferrals + " open referral(s), earliest free slot, waits " + waitHours + " h");
    }

    private static Instant roundUp(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MINUTES);
        long minutes = truncated.getEpochSecond() / 60 % SLOT.toMinutes();
        return minutes == 0 && truncated.equals(instant) ? instant : truncated.plus(SLOT.toMinutes() - minutes, ChronoUnit.MINUTES);
    }
}
