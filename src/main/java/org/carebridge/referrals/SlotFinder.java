package org.carebridge.referrals;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Where a referral's appointment could go: the primary {@link AppointmentSuggestions} (the scheduler,
 * when present), and when it finds nothing — its week is full — the plain rule of {@link EarliestFreeSlots}.
 */
@Component
class SlotFinder {

    private final AppointmentSuggestions best;
    private final EarliestFreeSlots byHand;

    SlotFinder(AppointmentSuggestions best, EarliestFreeSlots byHand) {
        this.best = best;
        this.byHand = byHand;
    }

    List<AppointmentSuggestion> suggest(AppointmentDemand demand, int limit) {
        List<AppointmentSuggestion> found = best.suggest(demand, limit);
        return found.isEmpty() && best != byHand ? byHand.suggest(demand, limit) : found;
    }
}
