/**
 * Record release ({@code processes/record-release.bpmn}): a facility asks another for a patient's
 * records; the consent rules decide, the patient is asked when needed, a records officer reviews, and
 * the records in scope are packaged as a FHIR R4 Bundle readable by the receiving facility for 30 days.
 * An emergency may break the glass, audited and reviewed by an administrator afterwards. The request's
 * row and timeline change in the same transaction as its process step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Record release")
package org.carebridge.recordrelease;
