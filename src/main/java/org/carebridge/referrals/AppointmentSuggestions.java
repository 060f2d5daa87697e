package org.carebridge.referrals;

import java.util.List;

/**
 * Where an appointment could go, best first. The referral workflow offers these in
 * {@code ScheduleAppointment} and takes the first for {@code doctorId: "AUTO"}. The scheduling module
 * contributes the optimiser's answer as the primary bean; {@link EarliestFreeSlots} is the plain rule.
 */
public interface AppointmentSuggestions {

    List<AppointmentSuggestion> suggest(AppointmentDemand demand, int limit);
}
