/**
 * The closed-loop referral ({@code processes/referral.bpmn}): from the village clinic through triage,
 * routing, the specialist's acceptance, the appointment and the outcome, back to the referrer's
 * acknowledgement. The referral's row and timeline change in the same transaction as its process step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals")
package org.carebridge.referrals;
