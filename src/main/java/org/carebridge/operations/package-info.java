/**
 * Running CareBridge: the meters Prometheus scrapes beside Spring Boot's own HTTP and connection pool
 * meters — open cases per process step and how many are past their due time, the job executor's
 * backlog and failures, open incidents, the guideline ruleset in service — and each request's id and
 * user in the log, which can be written as JSON lines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.carebridge.operations;
