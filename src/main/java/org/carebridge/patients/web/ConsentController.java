package org.carebridge.patients.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.carebridge.patients.Consent;
import org.carebridge.patients.ConsentRequest;
import org.carebridge.patients.PatientConsents;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code shared/spec/teleconsult-and-records.md}: a patient's consents to release their records. */
@RestController
@RequestMapping("/api/patients/{id}/consents")
class ConsentController {

    private final PatientConsents consents;

    ConsentController(PatientConsents consents) {
        this.consents = consents;
    }

    @GetMapping
    List<Consent> consents(@PathVariable UUID id) {
        return consents.consents(id);
    }

    @PostMapping
    ResponseEntity<Consent> record(@PathVariable UUID id, @Valid @RequestBody ConsentRequest request) {
        Consent consent = consents.record(id, request);
        return ResponseEntity.created(URI.create("/api/patients/" + id + "/consents/" + consent.getId())).body(consent);
    }
}
