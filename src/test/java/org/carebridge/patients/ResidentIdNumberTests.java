package org.carebridge.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTests {

    @Test
    void acceptsThePublishedExampleWhoseCheckCharacterIsX() {
        assertThat(ResidentIdNumber.problem("11010519491231002X")).isNull();
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertThat(ResidentIdNumber.problem("110105194912310021")).isEqualTo("has a wrong check character");
    }

    @Test
    void refusesAnImpossibleBirthDate() {
        String body = "11010519490231002";
        assertThat(ResidentIdNumber.problem(body + ResidentIdNumber.checkCharacter(body))).isEqualTo("holds no valid birth date");
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThat(ResidentIdNumber.problem("11010519491231002")).startsWith("must be 17 digits");
        assertThat(ResidentIdNumber.problem("1101051949123100AX")).startsWith("must be 17 digits");
        assertThat(ResidentIdNumber.problem(null)).startsWith("must be 17 digits");
    }

    @Test
    void buildsNumbersThatCarryTheBirthDateAndPassTheirOwnCheck() {
        String number = ResidentIdNumber.of("539905", LocalDate.of(2021, 2, 28), 37);
        assertThat(number).hasSize(18).startsWith("53990520210228037");
        assertThat(ResidentIdNumber.problem(number)).isNull();
        assertThat(ResidentIdNumber.birthDate(number)).isEqualTo(LocalDate.of(2021, 2, 28));
    }
}
