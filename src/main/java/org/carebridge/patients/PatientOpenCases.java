package org.carebridge.patients;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.carebridge.identity.AuditAction;
import org.carebridge.identity.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's open cases of every kind, most recently moved first: part of reading the chart, so
 * limited to the patients the reader may see and written to the audit log like the chart's other reads.
 */
@Service
@Transactional // not read-only: the audit entry is written in it
public class PatientOpenCases {

    private final PatientAccess access;
    private final AuditLog audit;
    private final ObjectProvider<OpenCases> providers;

    PatientOpenCases(PatientAccess access, AuditLog audit, ObjectProvider<OpenCases> providers) {
        this.access = access;
        this.audit = audit;
        this.providers = providers;
    }

    @PreAuthorize("hasAnyRole('COORDINATOR', 'DOCTOR', 'RECORDS_OFFICER')")
    public List<OpenCase> of(UUID patientId) {
        access.visiblePatient(patientId);
        List<OpenCase> open = providers.orderedStream().flatMap(p -> p.openFor(patientId).stream())
                .sorted(Comparator.comparing(OpenCase::since, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        audit.record(AuditAction.READ, patientId, "open cases", "chart");
        return open;
    }
}
