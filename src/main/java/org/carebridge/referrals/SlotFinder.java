package org.carebridge.referrals;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Where a referral's appointment could go: the primary {@link AppointmentSuggestions} (the scheduler,
 * when present), and when it finds nothing — its week is full — the plain rule of {@link EarliestFreeSlots}.
 * Neither sees the doctors' other commitments (a teleconsult session), so slots over one are left out
 * here, as booking would refuse them.
 */
@Component
class SlotFinder {

    private final AppointmentSuggestions best;
    private final EarliestFreeSlots byHand;
    private final Bookings bookings;

    SlotFinder(AppointmentSuggestions best, EarliestFreeSlots byHand, Bookings bookings) {
        this.best = best;
        this.byHand = byHand;
        this.bookings = bookings;
    }

    List<AppointmentSuggestion> suggest(AppointmentDemand demand, int limit) {
        List<AppointmentSuggestion> found = free(best.suggest(demand, limit));
        if (found.isEmpty() && best != byHand) {
            // room for the few slots a commitment may take
            found = free(byHand.suggest(demand, 2 * limit));
        }
        return found.stream().limit(limit).toList();
    }

    private List<AppointmentSuggestion> free(List<AppointmentSuggestion> suggestions) {
        return suggestions.stream()
                .filter(s -> !bookings.committedElsewhere(s.doctorId(), s.start(), s.end())).toList();
    }
}
