package org.carebridge.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * Time a case holds of a practitioner or a piece of equipment: a booked appointment, a teleconsult session.
 *
 * @param booking what holds it, in a few words with its id ({@code appointment 1f0…})
 * @param pending the slot is reserved and not yet used (booked, not attended): a finished case must hold none
 */
public record HeldTime(String caseType, UUID caseId, Resource resource, long resourceId, Instant start, Instant end,
        String booking, boolean pending) {

    public enum Resource {
        PRACTITIONER,
        EQUIPMENT
    }

    /** Whether both hold the same practitioner or piece of equipment at a common moment (touching ends do not). */
    public boolean overlaps(HeldTime other) {
        return resource == other.resource && resourceId == other.resourceId
                && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
