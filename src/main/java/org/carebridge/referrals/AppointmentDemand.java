package org.carebridge.referrals;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.carebridge.directory.Specialty;
import org.carebridge.guidelines.Urgency;

/**
 * A referral that needs a doctor and a slot: what {@link AppointmentSuggestions} is asked to place.
 * {@code doctorId} is the doctor already chosen, or null for any doctor with the specialty; the patient
 * is seen in (or, by teleconsultation, from) the referring facility's region.
 */
public record AppointmentDemand(UUID referralId, UUID patientId, Urgency urgency, Specialty specialty,
        long regionId, long referringFacilityId, Long doctorId, Set<Long> excludedDoctorIds, Instant earliest,
        int durationMinutes) {
}
