package org.carebridge.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carebridge.guidelines.engine.RuleSource;
import org.carebridge.guidelines.engine.Ruleset;
import org.carebridge.guidelines.engine.RulesRejectedException;
import org.junit.jupiter.api.Test;

/**
 * The words of the findings are part of the ruleset: every rule names its finding, every finding has its
 * words in English and in Chinese speaking of the same parameters, no words are left over — or the rules
 * do not compile, in the build and on reload, rather than a screen showing a code.
 */
class FindingMessagesTests {

    @Test
    void thePackagedRulesHaveEveryFindingInBothLanguages() {
        Ruleset ruleset = Ruleset.compile(RuleSource.fromClasspath());
        assertThat(ruleset.ruleCount()).isGreaterThan(100);
    }

    @Test
    void aFindingWithoutItsChineseWordsRefusesTheRules() {
        List<RuleSource> sources = replace("messages_zh.properties", text -> text.replaceAll("(?m)^NEWS2_HIGH_RISK=.*$", ""));
        assertThatThrownBy(() -> Ruleset.compile(sources)).isInstanceOf(RulesRejectedException.class)
                .satisfies(e -> assertThat(((RulesRejectedException) e).messages())
                        .anyMatch(m -> m.contains("messages_zh.properties") && m.contains("NEWS2_HIGH_RISK")));
    }

    @Test
    void wordsNoRuleUsesRefuseTheRules() {
        List<RuleSource> sources = replace("messages_en.properties", text -> text + "\nNEWS2_RETIRED=Nobody says this.\n");
        assertThatThrownBy(() -> Ruleset.compile(sources)).isInstanceOf(RulesRejectedException.class)
                .satisfies(e -> assertThat(((RulesRejectedException) e).messages())
                        .anyMatch(m -> m.contains("NEWS2_RETIRED") && m.contains("no rule")));
    }

    @Test
    void translationsSpeakingOfOtherParametersRefuseTheRules() {
        List<RuleSource> sources = replace("messages_zh.properties",
                text -> text.replace("NEWS2_HIGH_RISK=NEWS2 {score}", "NEWS2_HIGH_RISK=NEWS2 {points}"));
        assertThatThrownBy(() -> Ruleset.compile(sources)).isInstanceOf(RulesRejectedException.class)
                .satisfies(e -> assertThat(((RulesRejectedException) e).messages())
                        .anyMatch(m -> m.contains("NEWS2_HIGH_RISK") && m.contains("different parameters")));
    }

    @Test
    void aRuleNamingNoFindingRefusesTheRules() {
        List<RuleSource> sources = replace("news2.drl", text -> text.replace("    @finding(NEWS2_LOW_RISK)\n", ""));
        assertThatThrownBy(() -> Ruleset.compile(sources)).isInstanceOf(RulesRejectedException.class)
                .satisfies(e -> assertThat(((RulesRejectedException) e).messages())
                        .anyMatch(m -> m.contains("NEWS2 aggregate 0 to 4 is low risk") && m.contains("@finding")));
    }

    @Test
    void aFindingReadsTheSameInBothLanguagesWithItsValues() {
        Guidelines guidelines = CompiledRules.guidelines();
        Assessment assessment = guidelines.assess(Patient.adult().consciousness(org.carebridge.clinical.Consciousness.VOICE)
                .respiratoryRate(26).build());
        Assessment.Finding rate = assessment.findings().stream().filter(f -> f.code().equals("NEWS2_RESPIRATION_25_OR_MORE"))
                .findFirst().orElseThrow();
        assertThat(guidelines.message(rate, Locale.ENGLISH)).isEqualTo("Respiration rate 26/min (25 or more) scores 3.");
        assertThat(guidelines.message(rate, Locale.SIMPLIFIED_CHINESE)).isEqualTo("呼吸频率 26 次/分（≥25）计 3 分。");
        Assessment.Finding voice = assessment.findings().stream().filter(f -> f.code().equals("NEWS2_CONSCIOUSNESS_NOT_ALERT"))
                .findFirst().orElseThrow();
        assertThat(guidelines.message(voice, null)).isEqualTo("意识：对声音有反应（非清醒）计 3 分。");
    }

    @Test
    void aGuidelineNamedInOneLanguageOnlyRefusesTheRules() {
        List<RuleSource> sources = replace("messages_zh.properties", text -> text.replaceAll("(?m)^guideline\\.CURB-65.*$", ""));
        assertThatThrownBy(() -> Ruleset.compile(sources)).isInstanceOf(RulesRejectedException.class)
                .satisfies(e -> assertThat(((RulesRejectedException) e).messages())
                        .anyMatch(m -> m.contains("name different guidelines") && m.contains("CURB-65")));
    }

    @Test
    void everyGuidelineTheFindingsCiteIsNamedInTheReadersLanguage() {
        Guidelines guidelines = CompiledRules.guidelines();
        List<Assessment.Finding> findings = new ArrayList<>();
        findings.addAll(guidelines.assess(Patient.adult().respiratoryRate(26).bloodPressure(150, 95)
                .suspected(SuspectedCondition.INFECTION, SuspectedCondition.PNEUMONIA).build()).findings());
        findings.addAll(guidelines.assess(Patient.pregnantWoman().respiratoryRate(30).build()).findings());
        findings.addAll(guidelines.assess(Patient.child(8).respiratoryRate(30).build()).findings());
        assertThat(findings).extracting(Assessment.Finding::guideline).contains("NEWS2 (RCP 2017)",
                "MEOWS (Singh et al. 2012)", "Paediatric emergency call criteria", "Blood pressure (ACC/AHA 2017)");
        for (Assessment.Finding finding : findings) {
            assertThat(guidelines.guideline(finding, Locale.ENGLISH)).isEqualTo(finding.guideline());
            String chinese = guidelines.guideline(finding, Locale.SIMPLIFIED_CHINESE);
            assertThat(chinese).as(finding.guideline()).isNotEqualTo(finding.guideline());
            // scores and the author keep their names; nothing else is in Latin letters
            assertThat(chinese.replaceAll("NEWS2|MEOWS|IMCI|qSOFA|CURB-65|Singh|CareBridge", ""))
                    .as(finding.guideline()).doesNotContainPattern("[A-Za-z]");
        }
        Assessment.Finding news2 = findings.stream().filter(f -> f.guideline().startsWith("NEWS2")).findFirst().orElseThrow();
        assertThat(guidelines.guideline(news2, Locale.SIMPLIFIED_CHINESE)).isEqualTo("NEWS2（英国皇家内科医师学会，2017）");
    }

    @Test
    void aStoredFindingWithoutACodeKeepsItsWords() {
        Assessment.Finding old = new Assessment.Finding("NEWS2 (RCP 2017)", "old rule", null, null, "Old words.");
        assertThat(CompiledRules.guidelines().message(old, Locale.ENGLISH)).isEqualTo("Old words.");
    }

    private interface Edit {
        String apply(String text);
    }

    private static List<RuleSource> replace(String file, Edit edit) {
        List<RuleSource> sources = new ArrayList<>();
        for (RuleSource source : RuleSource.fromClasspath()) {
            if (source.path().endsWith("/" + file)) {
                String text = new String(source.content(), StandardCharsets.UTF_8);
                sources.add(new RuleSource(source.path(), edit.apply(text).getBytes(StandardCharsets.UTF_8)));
            } else {
                sources.add(source);
            }
        }
        return sources;
    }
}
