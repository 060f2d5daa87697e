package org.carebridge.scheduling;

import java.util.List;

/** A planner published a solved schedule: these assignments are now the appointments to book. */
public record SchedulePublished(String scheduleId, List<Solution.Assignment> assignments) {
}
