package org.carebridge.patients.ui;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.patients.Observation;
import org.carebridge.shell.Formats;

/** An observation's value in words of the reader's language: "38,5 °C", "是", "新发意识混乱". */
final class ObservationLabels {

    private ObservationLabels() {
    }

    static String value(Observation observation, Locale locale, BiFunction<String, Object[], String> t) {
        return switch (observation.getType().kind()) {
            case NUMBER -> Formats.number(observation.getNumber(), locale) + " " + unit(observation.getUnit());
            case BOOLEAN -> t.apply(Boolean.TRUE.equals(observation.getValue()) ? "value.yes" : "value.no", new Object[0]);
            case CONSCIOUSNESS -> t.apply("consciousness." + observation.getValue(), new Object[0]);
            case DANGER_SIGNS -> observation.dangerSigns().isEmpty()
                    ? t.apply("value.none", new Object[0])
                    : observation.dangerSigns().stream().map(ImciDangerSign::name)
                            .map(s -> t.apply("dangerSign." + s, new Object[0])).collect(Collectors.joining(", "));
        };
    }

    /** UCUM units as clinicians write them. */
    static String unit(String ucum) {
        if (ucum == null) {
            return "";
        }
        return switch (ucum) {
            case "Cel" -> "°C";
            case "mm[Hg]" -> "mmHg";
            case "/min" -> "/min";
            default -> ucum;
        };
    }
}
