package org.carebridge.teleconsults.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.carebridge.guidelines.Observations;
import org.carebridge.teleconsults.TeleconsultDetails;
import org.carebridge.teleconsults.TeleconsultRequest;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.carebridge.teleconsults.TeleconsultSummary;
import org.carebridge.teleconsults.TeleconsultTimelineEntry;
import org.carebridge.teleconsults.Teleconsults;
import org.carebridge.teleconsults.Vital;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code shared/spec/teleconsult-and-records.md}, teleconsultation: request, read, search, timeline, observations, cancel. */
@RestController
@RequestMapping("/api/teleconsults")
@Validated
class TeleconsultController {

    private final Teleconsults teleconsults;

    TeleconsultController(Teleconsults teleconsults) {
        this.teleconsults = teleconsults;
    }

    @PostMapping
    ResponseEntity<TeleconsultDetails> request(@Valid @RequestBody TeleconsultRequest request) {
        TeleconsultDetails created = teleconsults.request(request);
        return ResponseEntity.created(URI.create("/api/teleconsults/" + created.id())).body(created);
    }

    @GetMapping
    Page<TeleconsultSummary> search(@RequestParam(required = false) TeleconsultStatus status,
            @RequestParam(required = false) Long doctorId, @PageableDefault(size = 50) Pageable page) {
        return teleconsults.search(status, doctorId, page);
    }

    @GetMapping("/{id}")
    TeleconsultDetails teleconsult(@PathVariable UUID id) {
        return teleconsults.teleconsult(id);
    }

    @GetMapping("/{id}/timeline")
    List<TeleconsultTimelineEntry> timeline(@PathVariable UUID id) {
        return teleconsults.timeline(id);
    }

    @GetMapping("/{id}/vitals")
    List<Vital> vitals(@PathVariable UUID id) {
        return teleconsults.vitals(id);
    }

    @PostMapping("/{id}/observations")
    TeleconsultDetails observations(@PathVariable UUID id, @Valid @RequestBody Observations observations) {
        return teleconsults.addObservations(id, observations);
    }

    record Cancellation(String reason) {
    }

    @PostMapping("/{id}/cancel")
    TeleconsultDetails cancel(@PathVariable UUID id, @RequestBody(required = false) Cancellation body) {
        return teleconsults.cancel(id, body == null ? null : body.reason());
    }
}
