/**
 * The case kernel: what every kind of case (referral, teleconsult, record request) declares once, so
 * that the task inbox and every module treat cases alike: the access policy of each case type
 * ({@link org.carebridge.cases.CaseAccessPolicy}), which the inbox enforces for every task; and, for the
 * consistency check, each type's cases as their rows stand ({@link org.carebridge.cases.CaseStates}), the time
 * they hold of practitioners and equipment ({@link org.carebridge.cases.CaseBookings}) and the audit entries
 * their steps must have left ({@link org.carebridge.cases.CaseAudits}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases", allowedDependencies = "identity")
package org.carebridge.cases;
