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
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
    ResponseEntity<Patient> get(@PathVariable UUID id) {
        Patient patient = records.patient(id);
        return ResponseEntity.ok().eTag(Long.toString(patient.getVersion())).body(patient);
    }

    @PostMapping
    ResponseEntity<Patient> register(@Valid @RequestBody PatientRequest request) {
        Patient patient = records.register(request);
        return ResponseEntity.created(URI.create("/api/patients/" + patient.getId())).body(patient);
    }

    /**
     * Overwrites demographics only for a caller who says which version they read — the ETag in
     * {@code If-Match} or {@code version} in the body — so that a retried or late PUT over a poor link
     * cannot silently undo someone else's change: 428 without it, 409 when it is stale.
     */
    @PutMapping("/{id}")
    ResponseEntity<?> update(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PatientRequest request) {
        Long version = request.version();
        if (ifMatch != null) {
            Long read = versionOf(ifMatch);
            if (read == null) {
                return ResponseEntity.badRequest().body(Problems.invalid(List.of(
                        new FieldError(HttpHeaders.IF_MATCH, "must be the ETag of the patient as read, such as \"3\""))));
            }
            if (version != null && !version.equals(read)) {
                throw new ConflictException("version", "If-Match names version " + read + " but the body version " + version);
            }
            version = read;
        }
        if (version == null) {
            ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                    "Send the version you read: the ETag in If-Match, or version in the body");
            return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(problem);
        }
        Patient patient = records.update(id, new PatientRequest(request.familyName(), request.givenName(),
                request.latinName(), request.birthDate(), request.sex(), request.language(), request.homeFacilityId(),
                request.identifiers(), version));
        return ResponseEntity.ok().eTag(Long.toString(patient.getVersion())).body(patient);
    }

    /** The version in an ETag as GET gives it ({@code "3"}, weak or not); null if it is not one. */
    private static Long versionOf(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException e) {
            return null;
        }
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
