package org.carebridge.clinical;

/** The WHO IMCI general danger signs of a sick child aged 2 months to 5 years. */
public enum ImciDangerSign {
    UNABLE_TO_DRINK,
    VOMITS_EVERYTHING,
    CONVULSIONS,
    LETHARGIC_OR_UNCONSCIOUS
}
