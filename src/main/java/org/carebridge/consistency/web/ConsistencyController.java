package org.carebridge.consistency.web;

import org.carebridge.consistency.ConsistencyCheck;
import org.carebridge.consistency.ConsistencyReport;
import org.carebridge.identity.CurrentStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/consistency}: the consistency report, for administrators. Each run is logged with who
 * asked and what it found; it is not written to the audit log, which records access to patient data and to
 * accounts, and the report shows neither — only case ids, statuses, step names and resource ids.
 */
@RestController
class ConsistencyController {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyController.class);

    private final ConsistencyCheck check;

    ConsistencyController(ConsistencyCheck check) {
        this.check = check;
    }

    @GetMapping(path = "/api/admin/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsistencyReport consistency() {
        long started = System.nanoTime();
        ConsistencyReport report = check.run();
        log.info("Consistency check by {}: {} in {} ms, checked {}", CurrentStaff.actor(),
                report.clean() ? "clean" : report.violations().size() + " violations",
                (System.nanoTime() - started) / 1_000_000, report.checked());
        return report;
    }
}
