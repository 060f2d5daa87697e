package org.carebridge.patients.ui;

import java.util.List;

import org.carebridge.patients.ObservationType;

/** The trends a clinician looks at, with the adult normal range shaded where one is published. */
enum TrendChoice {
    BLOOD_PRESSURE(List.of(ObservationType.SYSTOLIC_BP, ObservationType.DIASTOLIC_BP), null, null),
    HEART_RATE(List.of(ObservationType.HEART_RATE), 51.0, 90.0),
    RESPIRATORY_RATE(List.of(ObservationType.RESPIRATORY_RATE), 12.0, 20.0),
    TEMPERATURE(List.of(ObservationType.TEMPERATURE), 36.1, 38.0),
    OXYGEN_SATURATION(List.of(ObservationType.OXYGEN_SATURATION), 96.0, 100.0),
    GLUCOSE(List.of(ObservationType.FASTING_PLASMA_GLUCOSE, ObservationType.RANDOM_PLASMA_GLUCOSE), null, null),
    HBA1C(List.of(ObservationType.HBA1C), null, 5.6),
    BLOOD_UREA(List.of(ObservationType.BLOOD_UREA), 2.5, 7.0);

    static final List<String> COLORS = List.of("#1565c0", "#c62828");

    final List<ObservationType> types;
    final Double normalLow;
    final Double normalHigh;

    TrendChoice(List<ObservationType> types, Double normalLow, Double normalHigh) {
        this.types = types;
        this.normalLow = normalLow;
        this.normalHigh = normalHigh;
    }
}
