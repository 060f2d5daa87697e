/**
 * Published clinical scores and the triage policy, executed by Drools: NEWS2, qSOFA, CURB-65, the
 * ACC/AHA 2017 blood pressure categories, ADA glycaemia and the WHO IMCI danger signs turn one
 * patient's observations into an urgency and a specialty, with every finding explained. The contract is
 * {@code shared/spec/assessment-api.md}; the rules live in {@code rules/org/carebridge/guidelines/}.
 */
package org.carebridge.guidelines;
