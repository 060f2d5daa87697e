package org.carebridge.teleconsults.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;
import org.carebridge.patients.OpenCase;
import org.carebridge.patients.OpenCases;
import org.carebridge.teleconsults.TeleconsultStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The patient's teleconsults not yet ended, for the chart; linked where the reader may open them. */
@Component
@Order(2)
class OpenTeleconsults implements OpenCases {

    private static final List<TeleconsultStatus> OPEN = Arrays.stream(TeleconsultStatus.values())
            .filter(TeleconsultStatus::isOpen).toList();

    private final TeleconsultRepository teleconsults;

    OpenTeleconsults(TeleconsultRepository teleconsults) {
        this.teleconsults = teleconsults;
    }

    @Override
    public List<OpenCase> openFor(UUID patientId) {
        StaffMember reader = CurrentStaff.get();
        return teleconsults.findByPatientIdAndStatusIn(patientId, OPEN).stream()
                .map(t -> new OpenCase("teleconsults.case", t.getId(), "teleconsults.status." + t.getStatus(),
                        t.getUpdatedAt() != null ? t.getUpdatedAt() : t.getCreatedAt(),
                        TeleconsultAccess.maySee(reader, t) ? "teleconsults/" + t.getId() : null))
                .toList();
    }
}
