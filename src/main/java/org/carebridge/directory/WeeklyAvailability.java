package org.carebridge.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;

/** A practitioner's recurring working hours on one day of the week. */
@Embeddable
public record WeeklyAvailability(
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "day_of_week") DayOfWeek dayOfWeek,
        @NotNull @Column(name = "start_time") LocalTime start,
        @NotNull @Column(name = "end_time") LocalTime end) {

    public boolean overlaps(WeeklyAvailability other) {
        return dayOfWeek == other.dayOfWeek && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
