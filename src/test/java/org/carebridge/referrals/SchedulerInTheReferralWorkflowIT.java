package org.carebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carebridge.referrals.ReferralScenario.HEALTHY;
import static org.carebridge.referrals.ReferralScenario.form;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.carebridge.IntegrationTest;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Specialty;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.directory.Directory;
import org.carebridge.scheduling.Problem;
import org.carebridge.scheduling.ReferralPlanning;
import org.carebridge.scheduling.ScheduleRun;
import org.carebridge.scheduling.Scheduling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The optimiser inside the referral workflow: suggestions, "AUTO", the week's demand, and publishing a plan. */
@IntegrationTest
class SchedulerInTheReferralWorkflowIT {

    @Autowired
    ApplicationContext context;
    ReferralScenario scenario;
    @Autowired
    ReferralPlanning planning;
    @Autowired
    Scheduling scheduling;
    @Autowired
    Directory directory;
    @Autowired
    ReferralScheduling bookings;

    @BeforeEach
    void scenario() {
        scenario = new ReferralScenario(context);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void scheduleAppointmentOffersTheOptimisersFreeSlotsOfTheAcceptingDoctorInTheComingWeek() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        scenario.routeToDoctorAndAccept(referral);
        long doctorId = scenario.practitioner("DR-0001");
        Practitioner doctor = directory.practitioner(doctorId);
        List<AppointmentSuggestion> offered = scenario.as("coordinator", () -> scenario.referrals.suggestions(referral.id(), 5));

        assertThat(offered).hasSize(5).allSatisfy(s -> {
            assertThat(s.doctorId()).isEqualTo(doctorId);
            assertThat(doctor.worksThrough(s.start(), s.end())).as(s.toString()).isTrue();
            assertThat(s.explanation()).startsWith("DR-0001");
            assertThat(LocalDate.ofInstant(s.start(), WeeklyAvailability.ZONE))
                    .isAfter(LocalDate.now(WeeklyAvailability.ZONE))
                    .isBeforeOrEqualTo(LocalDate.now(WeeklyAvailability.ZONE).plusDays(7));
        });
        // best first: the objective's cost never falls down the list
        assertThat(offered).extracting(AppointmentSuggestion::scoreImpact).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        AppointmentSuggestion first = offered.get(0);
        scenario.complete("coordinator", referral, "ScheduleAppointment", form("start", first.start().toString(),
                "mode", first.mode().name(), "facilityId", first.facilityId()));
        List<AppointmentSuggestion> next = scenario.as("coordinator", () -> {
            ReferralDetails other = scenario.referrals.submit(scenario.request(HEALTHY, Specialty.INTERNAL_MEDICINE));
            scenario.routeToDoctorAndAccept(other);
            return scenario.as("coordinator", () -> scenario.referrals.suggestions(other.id(), 5));
        });
        assertThat(next).noneMatch(s -> s.start().isBefore(first.end()) && s.end().isAfter(first.start()));
    }

    @Test
    void autoRoutesToTheDoctorOfTheOptimisersBestPlacement() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.CARDIOLOGY);
        List<AppointmentSuggestion> best = scenario.as("coordinator", () -> scenario.referrals.suggestions(referral.id(), 1));
        scenario.complete("coordinator", referral, "ReviewReferral", form("decision", "ROUTE", "doctorId", "AUTO"));
        assertThat(scenario.referral(referral.id()).assignedDoctorId()).isEqualTo(best.get(0).doctorId());
    }

    @Test
    void aPublishedPlanBooksTheReferralsWaitingForASlot() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        scenario.routeToDoctorAndAccept(referral);
        Problem demand = scenario.as("planner", () -> planning.currentDemand());
        assertThat(demand.appointments()).anySatisfy(a -> {
            assertThat(a.id()).isEqualTo(referral.id().toString());
            assertThat(a.preferredDoctorId()).isEqualTo("DR-0001");
        });
        assertThat(demand.appointments()).filteredOn(a -> Boolean.TRUE.equals(a.pinned()))
                .allSatisfy(a -> assertThat(a.booking()).isNotNull());
        // booked or waiting, each appointment names its patient: reading the schedule audits them all
        assertThat(demand.appointments()).allSatisfy(a -> assertThat(a.patientId()).isNotNull());

        String run = scenario.as("planner", () -> scheduling.submit(demand, 2).id());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scheduling.progress(run).status() != ScheduleRun.Status.SOLVING);
        scenario.as("planner", () -> scheduling.publish(run));

        ReferralDetails booked = scenario.referral(referral.id());
        assertThat(booked.status()).isEqualTo(ReferralStatus.SCHEDULED);
        assertThat(booked.appointment().doctorId()).isEqualTo(scenario.practitioner("DR-0001"));
        assertThat(scenario.timelineTypes(referral.id())).contains(TimelineType.SCHEDULED);
        // in person, the doctor documents the outcome; over video, the teleconsult runs first
        if (booked.appointment().mode() == AppointmentMode.IN_PERSON) {
            assertThat(scenario.task(referral, "DocumentOutcome").assignee()).isEqualTo("doctor");
        } else {
            assertThat(scenario.runtime.getActiveActivityIds(scenario.process(referral).getId()))
                    .contains("Teleconsultation");
        }
    }

    @Test
    void aPlannerBooksATeleconsultSlotWithoutReadingTheChart() {
        ReferralDetails referral = scenario.submit(HEALTHY, Specialty.INTERNAL_MEDICINE);
        scenario.routeToDoctorAndAccept(referral);
        // a free slot of the doctor's (the optimiser's first suggestion), held over video
        Instant start = scenario.as("coordinator", () -> scenario.referrals.suggestions(referral.id(), 1)).get(0).start();
        ReferralDetails.AppointmentView booked = scenario.as("planner", () -> bookings.book(referral.id(), start, 30,
                AppointmentMode.TELECONSULT, null, null));

        assertThat(booked.mode()).isEqualTo(AppointmentMode.TELECONSULT);
        assertThat(booked.start()).isEqualTo(start);
        // the called teleconsult took the referral's patient and picture, and waits for its session
        assertThat(scenario.jdbc.queryForObject("select count(*) from teleconsult where referral_id = ?", Long.class,
                referral.id())).isEqualTo(1);
        assertThat(scenario.runtime.getActiveActivityIds(scenario.process(referral).getId())).contains("Teleconsultation");
    }
}
