/**
 * Teleconsultation ({@code processes/teleconsult.bpmn}): a patient at a clinic without the specialist
 * is seen over video, with vitals taken on site. Started on its own or called from a referral whose
 * appointment is a TELECONSULT. The teleconsult's row and timeline change in the same transaction as
 * its process step. The API is this package's root; {@code internal} holds the steps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teleconsults")
package org.carebridge.teleconsults;
