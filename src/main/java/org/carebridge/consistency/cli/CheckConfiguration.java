package org.carebridge.consistency.cli;

import org.carebridge.cases.CaseAudits;
import org.carebridge.cases.CaseBookings;
import org.carebridge.cases.CaseStates;
import org.carebridge.consistency.ConsistencyCheck;
import org.carebridge.consistency.internal.RunningProcesses;
import org.carebridge.identity.AuditLog;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * All that {@code check} starts: a connection pool, JDBC and transactions, the check, and each case module's
 * {@link CaseStates}, {@link CaseBookings} and {@link CaseAudits} (found by type, so that a new case type joins
 * the check without a change here). No Flyway, no Camunda engine, no job executor, no JPA, no web server, no
 * Vaadin, no demo data, no first administrator: nothing that writes.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@ComponentScan(basePackages = "org.carebridge", useDefaultFilters = false, includeFilters = @Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {CaseStates.class, CaseBookings.class, CaseAudits.class}))
@Import({ConsistencyCheck.class, RunningProcesses.class, AuditLog.class})
class CheckConfiguration {
}
