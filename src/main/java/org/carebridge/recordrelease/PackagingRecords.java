package org.carebridge.recordrelease;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.carebridge.identity.AuditAction;
import org.carebridge.patients.RecordExtract;
import org.carebridge.patients.RecordExtracts;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/** {@code PackageRecords}: the records in scope become a FHIR R4 Bundle, stored with its SHA-256. */
@Component("packageRecords")
class PackagingRecords implements JavaDelegate {

    private final ReleaseSteps steps;
    private final RecordExtracts extracts;
    private final FhirBundles bundles;

    PackagingRecords(ReleaseSteps steps, RecordExtracts extracts, FhirBundles bundles) {
        this.steps = steps;
        this.extracts = extracts;
        this.bundles = bundles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordRequest request = steps.lock(execution);
        RecordExtract extract = extracts.extract(request.getPatientId(), request.getScope(),
                "record release " + request.getId() + (request.isBreakGlass() ? " (break the glass)" : ""));
        String json = bundles.bundle(request.getId(), extract, ReleaseTimeline.now());
        String sha256 = FhirBundles.sha256(json);
        request.released(json, sha256, ReleaseTimeline.now());
        steps.record(request, ReleaseEventType.RELEASED, ReleaseWording.scope(Wording.of(ReleaseWording.RELEASED), request.getScope())
                .facility("facility", request.getToFacilityId()).text("sha256", sha256).time("until", request.getExpiresAt()));
        steps.audit(request, AuditAction.CREATE, "released bundle");
    }
}
