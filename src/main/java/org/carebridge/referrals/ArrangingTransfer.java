package org.carebridge.referrals;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carebridge.directory.Directory;
import org.carebridge.identity.AuditAction;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.tasks.OpenTask;
import org.carebridge.tasks.TaskStep;
import org.carebridge.shared.Wording;
import org.springframework.stereotype.Component;

/** {@code ArrangeEmergencyTransfer}: the patient goes now; the transfer is the encounter. */
@Component
class ArrangingTransfer extends TaskStep<ArrangingTransfer.Form> {

    record Form(@NotNull Long destinationFacilityId, @NotNull Transport transport, @Size(max = 2000) String note) {
    }

    private final ReferralSteps steps;
    private final Directory directory;

    ArrangingTransfer(ReferralSteps steps, Directory directory) {
        super("ArrangeEmergencyTransfer", Form.class);
        this.steps = steps;
        this.directory = directory;
    }

    @Override
    public Map<String, Object> submit(OpenTask task, Form form) {
        if (!directory.facilityExists(form.destinationFacilityId())) {
            throw new InvalidRequestException("destinationFacilityId", "is not a known facility");
        }
        Referral referral = steps.lock(task);
        Instant now = Timeline.now();
        referral.transferArranged(form.destinationFacilityId(), form.transport(), now);
        steps.record(referral, TimelineType.TRANSFER_ARRANGED, Wording.of(ReferralWording.TRANSFER_ARRANGED)
                .facility("facility", form.destinationFacilityId()).label("transport", "referrals.transport", form.transport())
                .text("note", form.note()));
        steps.audit(referral, AuditAction.UPDATE, "emergency transfer");
        // the transfer is the encounter: its outcome is documented in person, not by a teleconsult
        return Map.of("outcomeDue", Date.from(now.plus(ServiceLevels.OUTCOME_AFTER_APPOINTMENT)),
                "appointmentMode", AppointmentMode.IN_PERSON.name());
    }
}
