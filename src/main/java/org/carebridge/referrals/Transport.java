package org.carebridge.referrals;

/** How a patient in an emergency reaches the destination facility. */
public enum Transport {
    AMBULANCE,
    CLINIC_VEHICLE,
    PRIVATE_VEHICLE,
    AIR
}
