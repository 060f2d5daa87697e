package org.carebridge.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;

/** A practitioner's recurring working hours on one day of the week, in wall-clock time of {@link #ZONE}. */
@Embeddable
public record WeeklyAvailability(
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "day_of_week") DayOfWeek dayOfWeek,
        @NotNull @Column(name = "start_time") LocalTime start,
        @NotNull @Column(name = "end_time") LocalTime end) {

    /** The province's time zone: the zone of every working hour. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Whether the span from {@code start} to {@code end} lies wholly inside these hours. */
    public boolean covers(Instant start, Instant end) {
        LocalDateTime from = LocalDateTime.ofInstant(start, ZONE);
        LocalDateTime to = LocalDateTime.ofInstant(end, ZONE);
        return from.getDayOfWeek() == dayOfWeek && from.toLocalDate().equals(to.toLocalDate())
                && !from.toLocalTime().isBefore(this.start) && !to.toLocalTime().isAfter(this.end);
    }

    public boolean overlaps(WeeklyAvailability other) {
        return dayOfWeek == other.dayOfWeek && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
