/**
 * Equity and loop-closure measures ({@code ../shared/spec/analytics.md}): per region, how long people wait,
 * how many specialists serve them, how often referral loops close, how far they travel; population-weighted
 * Gini coefficients over regions; the same measures for a schedule beside its first-come-first-served plan;
 * and a generator of synthetic referral history for the demo and the benchmark.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.carebridge.analytics;
