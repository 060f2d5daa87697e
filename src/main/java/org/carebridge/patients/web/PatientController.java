package org.carebridge.patients.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.carebridge.patients.Encounter;
import org.carebridge.patients.EncounterRequest;
import org.carebridge.patients.NoteRequest;
import org.carebridge.patients.Observation;
import org.carebridge.patients.ObservationRequest;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.Patient;
import org.carebridge.patients.PatientFilter;
import org.carebridge.patients.PatientRecords;
import org.carebridge.patients.PatientRequest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.SortDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final PatientRecords records;

    PatientController(PatientRecords records) {
        this.records = records;
    }

    @GetMapping
    Page<Patient> search(@Valid PatientFilter filter,
            @PageableDefault(size = 20) @SortDefault(sort = {"latinName", "id"}) Pageable page) {
        return records.search(filter, page);
    }

    @GetMapping("/{id}")
    Patient get(@PathVariable UUID id) {
        return records.patient(id);
    }

    @PostMapping
    ResponseEntity<Patient> register(@Valid @RequestBody PatientRequest request) {
        Patient patient = records.register(request);
        return ResponseEntity.created(URI.create("/api/patients/" + patient.getId())).body(patient);
    }

    @PutMapping("/{id}")
    Patient update(@PathVariable UUID id, @Valid @RequestBody PatientRequest request) {
        return records.update(id, request);
    }

    /** Observations, newest first unless sorted otherwise; {@code to} is exclusive. */
    @GetMapping("/{id}/observations")
    Page<Observation> observations(@PathVariable UUID id,
            @RequestParam(required = false) ObservationType type,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @PageableDefault(size = 50, sort = "effectiveAt", direction = Sort.Direction.DESC) Pageable page) {
        return records.observations(id, type, from, to, page);
    }

    @PostMapping("/{id}/observations")
    ResponseEntity<Observation> recordObservation(@PathVariable UUID id, @Valid @RequestBody ObservationRequest request) {
        Observation observation = records.recordObservation(id, request);
        return ResponseEntity.created(URI.create("/api/patients/" + id + "/observations/" + observation.getId()))
                .body(observation);
    }

    @GetMapping("/{id}/encounters")
    List<Encounter> encounters(@PathVariable UUID id) {
        return records.encounters(id);
    }

    @PostMapping("/{id}/encounters")
    ResponseEntity<Encounter> openEncounter(@PathVariable UUID id, @Valid @RequestBody EncounterRequest request) {
        Encounter encounter = records.openEncounter(id, request);
        return ResponseEntity.created(URI.create("/api/patients/" + id + "/encounters/" + encounter.getId()))
                .body(encounter);
    }

    @PostMapping("/{id}/encounters/{encounterId}/notes")
    ResponseEntity<Encounter> addNote(@PathVariable UUID id, @PathVariable UUID encounterId,
            @Valid @RequestBody NoteRequest request) {
        return ResponseEntity.status(201).body(records.addNote(id, encounterId, request));
    }
}
