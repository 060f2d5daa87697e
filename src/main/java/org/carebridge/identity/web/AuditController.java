package org.carebridge.identity.web;

import java.time.Instant;
import java.util.UUID;

import org.carebridge.identity.AuditEntry;
import org.carebridge.identity.AuditLog;
import org.carebridge.shared.InvalidRequestException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Audit entries, newest first; {@code to} is exclusive. */
    @GetMapping("/api/audit")
    Page<AuditEntry> search(@RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @PageableDefault(size = 50) Pageable page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        return auditLog.search(patientId, actor, from, to, PageRequest.of(page.getPageNumber(), page.getPageSize()));
    }
}
