package org.carebridge.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.carebridge.guidelines.Urgency;
import org.junit.jupiter.api.Test;

/** The service levels of shared/spec/referral-workflow.md, urgency by urgency. */
class ServiceLevelsTests {

    @Test
    void reviewIsDueInTwoHoursForUrgentADayForSoonAndThreeDaysForRoutine() {
        assertThat(ServiceLevels.review(Urgency.URGENT)).isEqualTo(Duration.ofHours(2));
        assertThat(ServiceLevels.review(Urgency.SOON)).isEqualTo(Duration.ofHours(24));
        assertThat(ServiceLevels.review(Urgency.ROUTINE)).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void theDoctorAnswersWithinFourHoursTwoDaysOrFiveDays() {
        assertThat(ServiceLevels.acceptance(Urgency.URGENT)).isEqualTo(Duration.ofHours(4));
        assertThat(ServiceLevels.acceptance(Urgency.SOON)).isEqualTo(Duration.ofHours(48));
        assertThat(ServiceLevels.acceptance(Urgency.ROUTINE)).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void transferInFifteenMinutesAcknowledgementInSevenDaysOutcomeADayAfterTheAppointment() {
        assertThat(ServiceLevels.TRANSFER).isEqualTo(Duration.ofMinutes(15));
        assertThat(ServiceLevels.ACKNOWLEDGEMENT).isEqualTo(Duration.ofDays(7));
        assertThat(ServiceLevels.OUTCOME_AFTER_APPOINTMENT).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void moreUrgentWorkComesFirstInTheInbox() {
        assertThat(ServiceLevels.priority(Urgency.EMERGENCY)).isGreaterThan(ServiceLevels.priority(Urgency.URGENT));
        assertThat(ServiceLevels.priority(Urgency.URGENT)).isGreaterThan(ServiceLevels.priority(Urgency.SOON));
        assertThat(ServiceLevels.priority(Urgency.SOON)).isGreaterThan(ServiceLevels.priority(Urgency.ROUTINE));
        assertThat(new ServiceLevels().reviewTimer("URGENT")).isEqualTo("PT2H");
    }
}
