package org.carebridge.identity.internal;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.carebridge.identity.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The table of {@code shared/spec/roles.md}, path by path. Whatever is not granted here is denied.
 */
final class ApiAccessRules {

    private static final String COORDINATOR = Role.COORDINATOR.name();
    private static final String DOCTOR = Role.DOCTOR.name();
    private static final String PLANNER = Role.PLANNER.name();
    private static final String RECORDS_OFFICER = Role.RECORDS_OFFICER.name();
    private static final String ADMIN = Role.ADMIN.name();

    private ApiAccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
        api
                .requestMatchers(GET, "/api/me").authenticated()

                // audit log and users: administrators only
                .requestMatchers("/api/audit", "/api/audit/**").hasRole(ADMIN)
                .requestMatchers("/api/users", "/api/users/**").hasRole(ADMIN)
                .requestMatchers(POST, "/api/admin/rules/reload", "/api/admin/rules/reassess").hasRole(ADMIN)
                // the consistency check: case ids, statuses and steps, no patient data
                .requestMatchers(GET, "/api/admin/consistency").hasRole(ADMIN)

                // guideline assessments: coordinators and doctors run them
                .requestMatchers(POST, "/api/assessments", "/api/patients/*/assessments").hasAnyRole(COORDINATOR, DOCTOR)

                // directory: everybody reads; planners keep availability and equipment; administrators the rest
                .requestMatchers(GET, "/api/regions/**", "/api/facilities/**", "/api/practitioners/**",
                        "/api/equipment/**").hasAnyRole(COORDINATOR, DOCTOR, PLANNER, RECORDS_OFFICER, ADMIN)
                .requestMatchers(PUT, "/api/practitioners/*/availability").hasAnyRole(PLANNER, ADMIN)
                .requestMatchers(POST, "/api/equipment").hasAnyRole(PLANNER, ADMIN)
                .requestMatchers(PUT, "/api/equipment/*").hasAnyRole(PLANNER, ADMIN)
                .requestMatchers(POST, "/api/regions", "/api/facilities", "/api/practitioners").hasRole(ADMIN)
                .requestMatchers(PUT, "/api/regions/*", "/api/facilities/*", "/api/practitioners/*").hasRole(ADMIN)

                // patient record: coordinators read and write, doctors read and document care,
                // records officers read; planners and administrators have no business in charts
                .requestMatchers(GET, "/api/patients", "/api/patients/**")
                        .hasAnyRole(COORDINATOR, DOCTOR, RECORDS_OFFICER)
                .requestMatchers(POST, "/api/patients/*/observations", "/api/patients/*/encounters",
                        "/api/patients/*/encounters/*/notes").hasAnyRole(COORDINATOR, DOCTOR)
                .requestMatchers(POST, "/api/patients").hasRole(COORDINATOR)
                .requestMatchers(PUT, "/api/patients/*").hasRole(COORDINATOR)

                // record release: consents belong to the chart (read by its readers through the GET rule above),
                // coordinators record them; coordinators and doctors ask for records and may cancel the request;
                // records officers review (in the inbox) and read; the bundle is checked per request for the
                // receiving facility's users
                .requestMatchers(POST, "/api/patients/*/consents").hasRole(COORDINATOR)
                .requestMatchers(POST, "/api/record-requests", "/api/record-requests/*/cancel").hasAnyRole(COORDINATOR, DOCTOR)
                .requestMatchers(GET, "/api/record-requests", "/api/record-requests/**")
                        .hasAnyRole(COORDINATOR, DOCTOR, RECORDS_OFFICER)

                // referrals: coordinators create, read and cancel; doctors read those routed to them
                // (checked per referral); both send new observations and raise or lower the urgency (a
                // doctor's reason lowers an emergency); planners read the demand
                .requestMatchers(POST, "/api/referrals").hasRole(COORDINATOR)
                .requestMatchers(POST, "/api/referrals/*/cancel").hasRole(COORDINATOR)
                .requestMatchers(POST, "/api/referrals/*/observations", "/api/referrals/*/urgency")
                        .hasAnyRole(COORDINATOR, DOCTOR)
                .requestMatchers(GET, "/api/referrals", "/api/referrals/**").hasAnyRole(COORDINATOR, DOCTOR, PLANNER)

                // teleconsults: coordinators and doctors create and read (doctors those routed to them or
                // requested from their facility, checked per teleconsult); the requesting side adds
                // observations; coordinators cancel
                .requestMatchers(POST, "/api/teleconsults").hasAnyRole(COORDINATOR, DOCTOR)
                .requestMatchers(POST, "/api/teleconsults/*/observations").hasAnyRole(COORDINATOR, DOCTOR)
                .requestMatchers(POST, "/api/teleconsults/*/cancel").hasRole(COORDINATOR)
                .requestMatchers(GET, "/api/teleconsults", "/api/teleconsults/**").hasAnyRole(COORDINATOR, DOCTOR)

                // task inbox: everyone with tasks sees and works their own (checked per task)
                .requestMatchers(GET, "/api/tasks", "/api/tasks/*").hasAnyRole(COORDINATOR, DOCTOR, RECORDS_OFFICER, ADMIN)
                .requestMatchers(POST, "/api/tasks/*/claim", "/api/tasks/*/complete")
                        .hasAnyRole(COORDINATOR, DOCTOR, RECORDS_OFFICER, ADMIN)

                // schedules: planners solve and publish, coordinators and administrators read
                .requestMatchers(POST, "/api/schedules", "/api/schedules/**").hasRole(PLANNER)
                .requestMatchers(DELETE, "/api/schedules/*").hasRole(PLANNER)
                .requestMatchers(GET, "/api/schedules", "/api/schedules/**").hasAnyRole(COORDINATOR, PLANNER, ADMIN)

                // equity analytics
                .requestMatchers(GET, "/api/analytics/**").hasAnyRole(COORDINATOR, PLANNER, ADMIN)

                // Camunda's own REST API: administrators read and retry jobs, nobody changes a case through it
                .requestMatchers(CamundaOperations.REST_READS_AND_RETRIES).hasRole(ADMIN)

                .anyRequest().denyAll();
    }
}
