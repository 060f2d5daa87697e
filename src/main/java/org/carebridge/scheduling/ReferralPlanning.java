package org.carebridge.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.carebridge.directory.Directory;
import org.carebridge.directory.Equipment;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Filters.EquipmentFilter;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Region;
import org.carebridge.directory.TravelTime;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.guidelines.Urgency;
import org.carebridge.referrals.AppointmentDemand;
import org.carebridge.referrals.AppointmentMode;
import org.carebridge.referrals.AppointmentSuggestion;
import org.carebridge.referrals.AppointmentSuggestions;
import org.carebridge.referrals.ReferralScheduling;
import org.carebridge.referrals.ReferralScheduling.AwaitingAppointment;
import org.carebridge.referrals.ReferralScheduling.BookedSlot;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The scheduler inside the referral workflow. The coming week of the province becomes a {@link Problem}:
 * the directory's counties, travel times, doctors' hours and equipment, the booked slots (pinned) and
 * the accepted referrals waiting for one. {@code ScheduleAppointment}'s suggestions and
 * {@code doctorId: "AUTO"} are the optimiser's best placements; a published plan books the referrals.
 * Day 0 of the horizon is tomorrow in the province's time zone.
 */
@Service
@Primary
public class ReferralPlanning implements AppointmentSuggestions {

    static final int HORIZON_DAYS = 7;
    static final int SLOT_MINUTES = 15;
    static final int APPOINTMENT_MINUTES = 30;
    /** An accepted referral stays with the doctor who accepted it unless nothing else fits. */
    static final Problem.Weights DEMAND_WEIGHTS = new Problem.Weights(null, null, null, null, null, null, null,
            null, null, 5_000, null);
    /** Counties without a road time between them are a day apart: never reached within one. */
    static final int UNCONNECTED_MINUTES = 24 * 60;
    private static final Logger log = LoggerFactory.getLogger(ReferralPlanning.class);

    private final Directory directory;
    private final ReferralScheduling referrals;
    private final Scheduling scheduling;

    ReferralPlanning(Directory directory, ReferralScheduling referrals, Scheduling scheduling) {
        this.directory = directory;
        this.referrals = referrals;
        this.scheduling = scheduling;
    }

    /** The coming week: booked slots pinned, accepted referrals waiting for a slot to place. */
    public Problem currentDemand() {
        Week week = week();
        List<Problem.Appointment> appointments = new ArrayList<>(week.booked());
        for (AwaitingAppointment a : referrals.awaitingAppointment()) {
            appointments.add(new Problem.Appointment(a.referralId().toString(), a.patientId().toString(),
                    week.regionCode(a.regionId()), a.specialty().name(), APPOINTMENT_MINUTES, a.urgency().name(),
                    List.of("IN_PERSON", "TELECONSULT"), null, null, week.doctorCode(a.doctorId()), 0,
                    latestDay(a.urgency()), null, null));
        }
        return week.problem("Referrals waiting for a slot, week from " + week.firstDay(), appointments);
    }

    @Override
    public List<AppointmentSuggestion> suggest(AppointmentDemand demand, int limit) {
        Week week = week();
        String id = demand.referralId().toString();
        List<Problem.Appointment> appointments = new ArrayList<>(week.booked());
        appointments.add(new Problem.Appointment(id, demand.patientId().toString(), week.regionCode(demand.regionId()),
                demand.specialty().name(), demand.durationMinutes(), demand.urgency().name(),
                List.of("IN_PERSON", "TELECONSULT"), null, null,
                demand.doctorId() == null ? null : week.doctorCode(demand.doctorId()), 0, latestDay(demand.urgency()),
                null, null));
        List<AppointmentSuggestion> found = new ArrayList<>();
        for (Placement p : scheduling.suggest(week.problem("Suggestions for " + id, appointments), id, 100)) {
            long doctorId = week.doctorId(p.doctorId());
            boolean fits = demand.doctorId() != null ? demand.doctorId() == doctorId
                    : !demand.excludedDoctorIds().contains(doctorId);
            if (fits && found.size() < limit) {
                Instant start = week.instant(p.day(), p.start());
                found.add(new AppointmentSuggestion(doctorId, start, start.plus(Duration.ofMinutes(
                        demand.durationMinutes())), AppointmentMode.valueOf(p.mode()), demand.referringFacilityId(),
                        p.equipmentId() == null ? null : week.equipmentId(p.equipmentId()), p.softImpact(),
                        p.doctorId() + ": " + p.scoreImpact()));
            }
        }
        return found;
    }

    /** Books the published plan's slots for the referrals waiting for one, with the doctor who accepted them. */
    @EventListener
    void book(SchedulePublished published) {
        Week week = week();
        Map<String, AwaitingAppointment> waiting = referrals.awaitingAppointment().stream()
                .collect(Collectors.toMap(a -> a.referralId().toString(), Function.identity()));
        int booked = 0;
        for (Solution.Assignment a : published.assignments()) {
            AwaitingAppointment referral = waiting.get(a.appointmentId());
            if (referral == null || week.doctorId(a.doctorId()) != referral.doctorId()) {
                continue; // not a referral waiting for a slot, or planned for another doctor than the one who accepted
            }
            try {
                referrals.book(referral.referralId(), week.instant(a.day(), a.start()), APPOINTMENT_MINUTES,
                        AppointmentMode.valueOf(a.mode()), referral.referringFacilityId(),
                        a.equipmentId() == null ? null : week.equipmentId(a.equipmentId()));
                booked++;
            } catch (InvalidRequestException | ConflictException e) {
                log.info("Plan {}: referral {} not booked: {}", published.scheduleId(), a.appointmentId(), e.getMessage());
            }
        }
        log.info("Plan {} published: {} of {} assignments booked referrals", published.scheduleId(), booked,
                published.assignments().size());
    }

    private static int latestDay(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY, URGENT -> 1;
            case SOON -> 3;
            case ROUTINE -> HORIZON_DAYS - 1;
        };
    }

    /** Day 0 of {@link #currentDemand()}'s week: tomorrow in the province's time zone. */
    public LocalDate weekStart() {
        return LocalDate.now(WeeklyAvailability.ZONE).plusDays(1);
    }

    private Week week() {
        return new Week(weekStart(), directory);
    }

    /** The directory and the booked slots of the week starting on {@code firstDay}, with their codes. */
    private final class Week {

        private final LocalDate firstDay;
        private final Map<Long, Region> regions;
        private final Map<Long, Facility> facilities;
        private final Map<Long, Practitioner> doctors;
        private final Map<String, Long> doctorIds = new HashMap<>();
        private final Map<Long, Equipment> equipment;
        private final Map<String, Long> equipmentIds = new HashMap<>();

        Week(LocalDate firstDay, Directory directory) {
            this.firstDay = firstDay;
            this.regions = directory.allRegions().stream().collect(Collectors.toMap(Region::getId, Function.identity()));
            this.facilities = directory.facilitiesById();
            this.doctors = directory.allPractitioners().stream()
                    .collect(Collectors.toMap(Practitioner::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            doctors.values().forEach(d -> doctorIds.put(d.getCode(), d.getId()));
            this.equipment = directory.equipment(new EquipmentFilter(null, null, null, null), Pageable.unpaged())
                    .stream().collect(Collectors.toMap(Equipment::getId, Function.identity()));
            equipment.values().forEach(e -> equipmentIds.put(e.getCode(), e.getId()));
        }

        LocalDate firstDay() {
            return firstDay;
        }

        String regionCode(long regionId) {
            return regions.get(regionId).getCode();
        }

        String doctorCode(long doctorId) {
            return doctors.get(doctorId).getCode();
        }

        long doctorId(String code) {
            return doctorIds.get(code);
        }

        long equipmentId(String code) {
            return equipmentIds.get(code);
        }

        Instant instant(int day, String start) {
            return ZonedDateTime.of(firstDay.plusDays(day), LocalTime.parse(start), WeeklyAvailability.ZONE).toInstant();
        }

        /** Slots booked in the week, pinned where they are. */
        List<Problem.Appointment> booked() {
            Instant from = instant(0, "00:00");
            List<Problem.Appointment> booked = new ArrayList<>();
            for (BookedSlot slot : referrals.bookedBetween(from, from.plus(HORIZON_DAYS, ChronoUnit.DAYS))) {
                ZonedDateTime start = slot.start().atZone(WeeklyAvailability.ZONE);
                int day = (int) ChronoUnit.DAYS.between(firstDay, start.toLocalDate());
                String region = slot.mode() == AppointmentMode.IN_PERSON && slot.facilityId() != null
                        ? regionCode(facilities.get(slot.facilityId()).getRegionId()) : regionCode(slot.regionId());
                // the patient's id, so that reading a schedule of the week audits the booked patients too
                booked.add(new Problem.Appointment(slot.referralId().toString(), slot.patientId().toString(), region,
                        slot.specialty().name(), (int) Duration.between(slot.start(), slot.end()).toMinutes(),
                        slot.urgency() == Urgency.EMERGENCY ? Urgency.URGENT.name() : slot.urgency().name(),
                        List.of(slot.mode().name()), slot.equipmentId() == null ? null
                                : equipment.get(slot.equipmentId()).getType().name(), null, null, day, day, true,
                        new Problem.Booking(doctorCode(slot.doctorId()), day, start.toLocalTime().toString(),
                                slot.mode().name(), slot.equipmentId() == null ? null
                                        : equipment.get(slot.equipmentId()).getCode())));
            }
            return booked;
        }

        Problem problem(String name, List<Problem.Appointment> appointments) {
            Map<String, Map<String, Integer>> travel = new LinkedHashMap<>();
            for (Region from : regions.values()) {
                Map<String, Integer> row = new LinkedHashMap<>();
                regions.values().forEach(to -> row.put(to.getCode(), from.equals(to) ? 0 : UNCONNECTED_MINUTES));
                travel.put(from.getCode(), row);
            }
            for (TravelTime t : directory.travelTimes()) {
                travel.get(regionCode(t.fromRegionId())).put(regionCode(t.toRegionId()), t.minutes());
                travel.get(regionCode(t.toRegionId())).putIfAbsent(regionCode(t.fromRegionId()), t.minutes());
            }
            List<Problem.Doctor> planned = doctors.values().stream().map(this::doctor).toList();
            List<Problem.Equipment> pieces = equipment.values().stream().map(e -> new Problem.Equipment(e.getCode(),
                    e.getType().name(), regionCode(facilities.get(e.getFacilityId()).getRegionId()), e.isMobile()))
                    .toList();
            List<Problem.Region> counties = regions.values().stream().map(r -> new Problem.Region(r.getCode(),
                    r.getName(), r.getPopulation(), r.isUnderserved())).toList();
            return new Problem(name, new Problem.Horizon(HORIZON_DAYS, SLOT_MINUTES), counties, travel, planned, pieces,
                    appointments, DEMAND_WEIGHTS);
        }

        private Problem.Doctor doctor(Practitioner p) {
            List<Problem.Window> windows = new ArrayList<>();
            int minutes = 0;
            for (int day = 0; day < HORIZON_DAYS; day++) {
                DayOfWeek weekday = firstDay.plusDays(day).getDayOfWeek();
                for (WeeklyAvailability hours : p.getAvailability()) {
                    if (hours.dayOfWeek() == weekday) {
                        windows.add(new Problem.Window(day, hours.start().toString(), hours.end().toString()));
                        minutes += (int) Duration.between(hours.start(), hours.end()).toMinutes();
                    }
                }
            }
            return new Problem.Doctor(p.getCode(), p.getLatinName() == null ? p.getCode() : p.getLatinName(),
                    p.getSpecialties().stream().map(Enum::name).sorted().toList(), List.copyOf(p.getLanguages()),
                    regionCode(facilities.get(p.getHomeFacilityId()).getRegionId()), p.isTeleconsultCapable(),
                    minutes, windows);
        }
    }
}
