package org.carebridge.cases;

import java.util.List;

/**
 * The time a module's cases hold of practitioners and equipment, for the consistency check: no one may be
 * booked twice at once, and a finished case may hold no slot. Implemented by each module that books time
 * (referral appointments, teleconsult sessions), in plain SQL like {@link CaseStates}.
 */
public interface CaseBookings {

    /**
     * The bookings that still hold time by the module's own booking rule: those a new booking would be
     * refused over. Bookings that are over and done (attended in the past, missed, cancelled) are history.
     */
    List<HeldTime> heldTime();
}
