package org.carebridge.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTests {

    @Test
    void chineseNamesAreWrittenFamilyNameFirstWithoutASpaceInChinese() {
        assertThat(Formats.personName("王", "秀英", "Wang Xiuying", Translations.CHINESE)).isEqualTo("王秀英");
    }

    @Test
    void inEnglishThePinyinIsShownWithTheFamilyNameInCapitals() {
        assertThat(Formats.personName("王", "秀英", "Wang Xiuying", Translations.ENGLISH)).isEqualTo("WANG Xiuying");
        assertThat(Formats.personName("扎西", "卓玛", "Zhaxi Zhuoma", Translations.ENGLISH)).isEqualTo("ZHAXI Zhuoma");
    }

    @Test
    void withoutPinyinEnglishFallsBackToTheWrittenName() {
        assertThat(Formats.personName("王", "伟", null, Translations.ENGLISH)).isEqualTo("王伟");
        assertThat(Formats.personName("Smith", "Anna", null, Translations.ENGLISH)).isEqualTo("Anna Smith");
        assertThat(Formats.personName("Smith", "Anna", null, Translations.CHINESE)).isEqualTo("Smith Anna");
    }

    @Test
    void datesAndNumbersFollowTheLocale() {
        LocalDate date = LocalDate.of(2026, 3, 7);
        assertThat(Formats.date(date, Translations.CHINESE)).isEqualTo("2026年3月7日");
        assertThat(Formats.date(date, Translations.ENGLISH)).isEqualTo("Mar 7, 2026");
        assertThat(Formats.number(new BigDecimal("1234.5"), Translations.ENGLISH)).isEqualTo("1,234.5");
        assertThat(Formats.number(new BigDecimal("1234.5"), Locale.GERMANY)).isEqualTo("1.234,5");
    }

    @Test
    void languagesAreNamedInTheReadersLanguage() {
        assertThat(Formats.language("ii", Translations.CHINESE)).isEqualTo("四川彝语");
        assertThat(Formats.language("bo", Translations.ENGLISH)).isEqualTo("Tibetan");
        assertThat(Formats.language("zh", Translations.CHINESE)).isEqualTo("中文");
    }

    @Test
    void chineseListsAreJoinedWithTheEnumerationCommaAndEnglishOnesWithACommaAndSpace() {
        assertThat(Formats.list(List.of("心内科", "内科", "儿科"), Translations.CHINESE)).isEqualTo("心内科、内科、儿科");
        assertThat(Formats.list(List.of("Cardiology", "Internal medicine"), Translations.ENGLISH))
                .isEqualTo("Cardiology, Internal medicine");
    }

    @Test
    void aListOfOneIsTheItemAndBlankItemsAreLeftOut() {
        assertThat(Formats.list(List.of("心内科"), Translations.CHINESE)).isEqualTo("心内科");
        assertThat(Formats.list(Arrays.asList("心内科", "", null, "内科"), Translations.CHINESE)).isEqualTo("心内科、内科");
        assertThat(Formats.list(List.of(), Translations.ENGLISH)).isEmpty();
    }
}
