package org.carebridge.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.EquipmentType;
import org.carebridge.directory.FacilityType;
import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.Urgency;
import org.carebridge.identity.AuditAction;
import org.carebridge.identity.Role;
import org.carebridge.patients.EncounterType;
import org.carebridge.patients.IdentifierSystem;
import org.carebridge.patients.ObservationType;
import org.carebridge.referrals.Appointment;
import org.carebridge.referrals.AppointmentMode;
import org.carebridge.referrals.FollowUp;
import org.carebridge.referrals.ReferralStatus;
import org.carebridge.referrals.TimelineType;
import org.carebridge.referrals.Transport;
import org.carebridge.guidelines.SuspectedCondition;
import org.junit.jupiter.api.Test;

class TranslationsTests {

    private final Translations translations = new Translations();

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        for (String name : Translations.BUNDLES) {
            if (TranslationsTests.class.getClassLoader().getResource(name + ".properties") != null) {
                assertThat(bundle(name + "_zh_CN.properties").stringPropertyNames()).as(name)
                        .containsExactlyInAnyOrderElementsOf(bundle(name + ".properties").stringPropertyNames());
            }
        }
    }

    @Test
    void everyValueShownFromTheModelHasAWordInBothLanguages() {
        List<String> keys = Stream.of(
                keys("sex.", Sex.values()), keys("role.", Role.values()), keys("observation.", ObservationType.values()),
                keys("consciousness.", Consciousness.values()), keys("dangerSign.", ImciDangerSign.values()),
                keys("specialty.", Specialty.values()), keys("facilityType.", FacilityType.values()),
                keys("equipmentType.", EquipmentType.values()), keys("encounter.", EncounterType.values()),
                keys("identifier.", IdentifierSystem.values()), keys("audit.action.", AuditAction.values()),
                keys("urgency.", Urgency.values()), keys("risk.", Assessment.News2.Risk.values()),
                keys("curb65.", Assessment.Curb65.Risk.values()), keys("bp.", Assessment.BloodPressure.Category.values()),
                keys("glycemia.", Assessment.Glycemia.Status.values()),
                keys("referrals.status.", ReferralStatus.values()), keys("referrals.timeline.", TimelineType.values()),
                keys("referrals.mode.", AppointmentMode.values()), keys("referrals.followUp.", FollowUp.values()),
                keys("referrals.transport.", Transport.values()),
                keys("referrals.appointment.", Appointment.Status.values()),
                keys("assess.condition.", SuspectedCondition.values()),
                keys("assess.ageBand.", Assessment.PaediatricTriggers.AgeBand.values()),
                userTasksOf("referral.bpmn").stream().map(key -> "tasks.key." + key).toList())
                .flatMap(List::stream).toList();
        for (Locale locale : Translations.LOCALES) {
            assertThat(keys).allSatisfy(key ->
                    assertThat(translations.getTranslation(key, locale)).as(key + " in " + locale).doesNotStartWith("!"));
        }
    }

    @Test
    void chineseIsTheDefaultAndAnyOtherLanguageGetsEnglish() {
        assertThat(Translations.supported(null)).isEqualTo(Translations.CHINESE);
        assertThat(Translations.supported(Locale.TRADITIONAL_CHINESE)).isEqualTo(Translations.CHINESE);
        assertThat(Translations.supported(Locale.FRENCH)).isEqualTo(Translations.ENGLISH);
        assertThat(translations.getTranslation("nav.patients", Translations.CHINESE)).isEqualTo("患者");
        assertThat(translations.getTranslation("nav.patients", Locale.FRENCH)).isEqualTo("Patients");
    }

    @Test
    void parametersAreFormattedInTheLocale() {
        assertThat(translations.getTranslation("patients.count", Translations.ENGLISH, 2400)).isEqualTo("2,400 patients");
        assertThat(translations.getTranslation("patients.count", Translations.CHINESE, 2400)).isEqualTo("共 2,400 位患者");
    }

    /** The ids of a process's user tasks (the inbox names a task by its key). */
    private static List<String> userTasksOf(String process) {
        try (InputStream in = TranslationsTests.class.getClassLoader().getResourceAsStream(process)) {
            String bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> ids = java.util.regex.Pattern.compile("<userTask [^>]*\\bid=\"([^\"]+)\"").matcher(bpmn)
                    .results().map(m -> m.group(1)).toList();
            assertThat(ids).as("user tasks of " + process).hasSizeGreaterThanOrEqualTo(7);
            return ids;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> keys(String prefix, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> prefix + v.name()).toList();
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
