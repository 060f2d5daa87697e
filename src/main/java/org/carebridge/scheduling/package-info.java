/**
 * Scheduling doctors and diagnostic equipment across regions with OptaPlanner
 * ({@code ../shared/spec/scheduling.md}): the problem and solution JSON ({@link org.carebridge.scheduling.Problem},
 * {@link org.carebridge.scheduling.Solution}), solving jobs, replanning, suggestions for one appointment
 * ({@link org.carebridge.scheduling.Scheduling#suggest}) and the {@link org.carebridge.scheduling.SchedulePublished}
 * event.
 */
package org.carebridge.scheduling;
