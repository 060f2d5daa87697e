/**
 * The consistency check: proves that case rows and the processes that run them agree, and that bookings and
 * the audit log agree with the cases, after crashes or by hand-made changes. It reads every case type through
 * {@link org.carebridge.cases.CaseStates}, {@link org.carebridge.cases.CaseBookings} and
 * {@link org.carebridge.cases.CaseAudits}, and Camunda's running instances from its runtime tables; it changes
 * nothing. {@code GET /api/admin/consistency} for administrators, {@code java -jar carebridge.jar check} from
 * the command line. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consistency")
package org.carebridge.consistency;
