package org.carebridge.recordrelease;

import java.util.UUID;

/** {@code GET /api/record-requests?status=&patientId=}: every given criterion must match. */
public record RecordRequestFilter(RecordRequestStatus status, UUID patientId) {
}
