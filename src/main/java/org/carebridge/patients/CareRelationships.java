package org.carebridge.patients;

import java.util.UUID;

import org.carebridge.identity.StaffMember;

/**
 * A reason, other than where the patient is registered, for a member of staff to see a patient: a
 * referral routed to them, say. Contributed by the modules that create such reasons.
 */
public interface CareRelationships {

    boolean involves(StaffMember staff, UUID patientId);
}
