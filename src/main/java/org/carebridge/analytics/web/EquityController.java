package org.carebridge.analytics.web;

import java.nio.charset.StandardCharsets;

import org.carebridge.analytics.EquityAnalytics;
import org.carebridge.analytics.EquityReport;
import org.carebridge.analytics.Period;
import org.carebridge.analytics.ScheduleEquity;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code analytics.md}: the equity of a period as JSON and CSV, and of a schedule beside first-come-first-served.
 * Dates are read as text so that a bad one gets a 400 naming it, like {@code from} after {@code to}.
 */
@RestController
class EquityController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final EquityAnalytics analytics;

    EquityController(EquityAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping(path = "/api/analytics/equity", produces = MediaType.APPLICATION_JSON_VALUE)
    EquityReport equity(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return analytics.equity(analytics.period(from, to));
    }

    @GetMapping("/api/analytics/equity.csv")
    ResponseEntity<String> equityCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Period period = analytics.period(from, to);
        String body = EquityCsv.write(analytics.equity(period));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("equity-" + period.from() + "-" + period.to() + ".csv").build().toString())
                .body(body);
    }

    @GetMapping(path = "/api/schedules/{id}/equity", produces = MediaType.APPLICATION_JSON_VALUE)
    ScheduleEquity schedule(@PathVariable String id) {
        return analytics.schedule(id);
    }
}
