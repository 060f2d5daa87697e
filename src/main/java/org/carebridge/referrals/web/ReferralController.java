package org.carebridge.referrals.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.carebridge.guidelines.Urgency;
import org.carebridge.guidelines.Observations;
import org.carebridge.referrals.AppointmentSuggestion;
import org.carebridge.referrals.ChangingUrgency;
import org.carebridge.referrals.ReferralDetails;
import org.carebridge.referrals.ReferralFilter;
import org.carebridge.referrals.ReferralRequest;
import org.carebridge.referrals.ReferralStatus;
import org.carebridge.referrals.ReferralSummary;
import org.carebridge.referrals.Referrals;
import org.carebridge.referrals.TimelineEntry;
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

/** {@code shared/spec/referral-workflow.md}: submit, read, search, timeline, cancel. */
@RestController
@RequestMapping("/api/referrals")
@Validated
class ReferralController {

    private final Referrals referrals;
    private final ChangingUrgency urgency;

    ReferralController(Referrals referrals, ChangingUrgency urgency) {
        this.referrals = referrals;
        this.urgency = urgency;
    }

    @PostMapping
    ResponseEntity<ReferralDetails> submit(@Valid @RequestBody ReferralRequest request) {
        ReferralDetails created = referrals.submit(request);
        return ResponseEntity.created(URI.create("/api/referrals/" + created.id())).body(created);
    }

    @GetMapping
    Page<ReferralSummary> search(@RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) Urgency urgency, @RequestParam(required = false) Long regionId,
            @RequestParam(required = false) Boolean slaBreached, @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) UUID patientId, @PageableDefault(size = 50) Pageable page) {
        return referrals.search(new ReferralFilter(status, urgency, regionId, slaBreached, escalated, patientId), page);
    }

    @GetMapping("/{id}")
    ReferralDetails referral(@PathVariable UUID id) {
        return referrals.referral(id);
    }

    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable UUID id) {
        return referrals.timeline(id);
    }

    @GetMapping("/{id}/suggestions")
    List<AppointmentSuggestion> suggestions(@PathVariable UUID id,
            @RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
        return referrals.suggestions(id, limit);
    }

    /** New observations of the referred patient, re-assessed: a rise to EMERGENCY goes to the emergency transfer. */
    @PostMapping("/{id}/observations")
    ReferralDetails observations(@PathVariable UUID id, @Valid @RequestBody Observations observations) {
        return urgency.addObservations(id, observations);
    }

    /** Raise to EMERGENCY, or lower an EMERGENCY on a doctor's reason. */
    @PostMapping("/{id}/urgency")
    ReferralDetails urgency(@PathVariable UUID id, @Valid @RequestBody ChangingUrgency.Change change) {
        return urgency.change(id, change);
    }

    record Cancellation(String reason) {
    }

    @PostMapping("/{id}/cancel")
    ReferralDetails cancel(@PathVariable UUID id, @RequestBody(required = false) Cancellation body) {
        return referrals.cancel(id, body == null ? null : body.reason());
    }
}
