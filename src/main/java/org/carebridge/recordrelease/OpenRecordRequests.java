package org.carebridge.recordrelease;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;
import org.carebridge.patients.OpenCase;
import org.carebridge.patients.OpenCases;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The patient's record requests not finished, for the chart — a released one stays open while its
 * records can be read; linked where the reader may open them.
 */
@Component
@Order(3)
class OpenRecordRequests implements OpenCases {

    private static final List<RecordRequestStatus> OPEN = Arrays.stream(RecordRequestStatus.values())
            .filter(s -> !s.isFinished()).toList();

    private final RecordRequestRepository requests;
    private final ReleaseAccess access;

    OpenRecordRequests(RecordRequestRepository requests, ReleaseAccess access) {
        this.requests = requests;
        this.access = access;
    }

    @Override
    public List<OpenCase> openFor(UUID patientId) {
        StaffMember reader = CurrentStaff.get();
        return requests.findByPatientIdAndStatusIn(patientId, OPEN).stream()
                .map(r -> new OpenCase("records.request", r.getId(), "records.status." + r.getStatus(),
                        r.getUpdatedAt() != null ? r.getUpdatedAt() : r.getCreatedAt(),
                        access.maySee(reader, r) ? "record-requests/" + r.getId() : null))
                .toList();
    }
}
