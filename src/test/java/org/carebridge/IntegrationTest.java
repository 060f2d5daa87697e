package org.carebridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context every integration test shares (Spring caches it): the whole application on
 * a random port with the demo province, on in-memory H2, or on a fresh PostgreSQL database when the
 * {@code postgres} profile is active (see {@link TestDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"carebridge.demo.enabled=true", "carebridge.demo.patients=800",
                // no generated referral history: tests count the referrals they make
                "carebridge.demo.history-months=0",
                "carebridge.guidelines.rules-folder=target/test-rules",
                // sign-in locks of a few seconds, so AccountAttacksIT can wait one out
                "carebridge.sign-in.first-lock=2s",
                // process tests fire timers themselves, with a moved clock (ClockUtil)
                "camunda.bpm.job-execution.enabled=false",
                // Spring Boot's tests leave metrics export off; AdministratorScrapesMetricsIT reads /actuator/prometheus
                "spring.test.observability.auto-configure=true"})
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(TestDatabase.PostgresReachable.class)
public @interface IntegrationTest {
}
