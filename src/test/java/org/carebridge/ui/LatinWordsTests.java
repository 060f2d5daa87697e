package org.carebridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The check the Chinese browser tests make of a screen's text: which Latin words a reader would meet. */
class LatinWordsTests {

    @Test
    void rawEnumNamesAndEnglishProseAreFound() {
        assertThat(Browser.latinWords("评估 SOON, CARDIOLOGY — 6 finding(s), rules 04e3…"))
                .containsExactly("SOON", "CARDIOLOGY", "finding", "rules");
        assertThat(Browser.latinWords("问题：Referrals waiting for a slot, week from 2026-12-03"))
                .containsExactly("Referrals", "waiting", "for", "slot", "week", "from");
    }

    @Test
    void codesUnitsAndScoresAreNotWords() {
        assertThat(Browser.latinWords("DR-0001 从 YS-V2 转诊；血压 150/95 mmHg，SpO2 93%，NEWS2 5 分，MEOWS、IMCI、"
                + "qSOFA 2，CURB-65 3，体重 12 kg，血糖 7.8 mmol/L")).isEmpty();
    }

    @Test
    void namesGivenInPinyinAreAllowedButOnlyThose() {
        assertThat(Browser.latinWords("吉克阿呷 (Jike Aga) 由 Wang 医生 review", List.of("Jike Aga")))
                .containsExactly("Wang", "review");
    }
}
