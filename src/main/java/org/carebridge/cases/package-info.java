/**
 * The case kernel: what every kind of case (referral, teleconsult, record request) declares once, so
 * that the task inbox and every module treat cases alike. Today: the access policy of each case type
 * ({@link org.carebridge.cases.CaseAccessPolicy}), which the inbox enforces for every task.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases", allowedDependencies = "identity")
package org.carebridge.cases;
