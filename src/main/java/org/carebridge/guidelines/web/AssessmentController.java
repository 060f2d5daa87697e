package org.carebridge.guidelines.web;

import java.util.Map;

import jakarta.validation.Valid;
import org.carebridge.guidelines.Assessment;
import org.carebridge.guidelines.AssessmentRequest;
import org.carebridge.guidelines.Guidelines;
import org.carebridge.guidelines.engine.Ruleset;
import org.carebridge.guidelines.engine.RulesRejectedException;
import org.carebridge.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssessmentController {

    private final Guidelines guidelines;

    AssessmentController(Guidelines guidelines) {
        this.guidelines = guidelines;
    }

    /** Scores, urgency, specialty and findings for the observations given; nothing is stored. */
    @PostMapping("/api/assessments")
    Assessment assess(@Valid @RequestBody AssessmentRequest request) {
        return guidelines.assess(request);
    }

    /** Rebuilds the rules from the rules folder on disk; a file that does not compile changes nothing. */
    @PostMapping("/api/admin/rules/reload")
    Map<String, Object> reload() {
        Ruleset ruleset = guidelines.reload();
        return Map.of("rulesetVersion", ruleset.version(), "rules", ruleset.ruleCount());
    }

    @ExceptionHandler(RulesRejectedException.class)
    ProblemDetail rejected(RulesRejectedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "rules-rejected",
                "The rules do not compile; the rules in service (" + guidelines.rulesetVersion() + ") stay in service");
        problem.setProperty("messages", e.messages());
        return problem;
    }
}
