package org.carebridge.patients.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.carebridge.patients.AssessmentContext;
import org.carebridge.patients.PatientAssessments;
import org.carebridge.patients.PatientAssessments.Reassessment;
import org.carebridge.patients.StoredAssessment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PatientAssessmentController {

    private final PatientAssessments assessments;

    PatientAssessmentController(PatientAssessments assessments) {
        this.assessments = assessments;
    }

    /** Assesses the patient's latest observations; the body (suspicions, requested specialty) is optional. */
    @PostMapping("/api/patients/{id}/assessments")
    ResponseEntity<StoredAssessment> assess(@PathVariable UUID id,
            @Valid @RequestBody(required = false) AssessmentContext context) {
        StoredAssessment stored = assessments.assessLatest(id, context);
        return ResponseEntity.created(URI.create("/api/patients/" + id + "/assessments/" + stored.id())).body(stored);
    }

    @GetMapping("/api/patients/{id}/assessments")
    List<StoredAssessment> history(@PathVariable UUID id) {
        return assessments.history(id);
    }

    /** Re-assesses every patient under the rules in service and says how many changed urgency. */
    @PostMapping("/api/admin/rules/reassess")
    Reassessment reassess() {
        return assessments.reassessEveryone();
    }
}
