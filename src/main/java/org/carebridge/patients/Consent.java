package org.carebridge.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A consent directive of the patient: a facility (or any facility) may (PERMIT) or may not (DENY)
 * receive the parts of the record in {@code scope} for the {@code purposes}, from {@code validFrom} to
 * {@code validUntil} (both days included; no end = open). Written once, never changed: a new directive
 * is recorded instead.
 */
@Entity
@Table(name = "patient_consent")
public class Consent {

    /** The grantee of a consent that covers every facility. */
    public static final String ANY = "ANY";

    public enum Decision { PERMIT, DENY }

    @Id
    private UUID id;
    private UUID patientId;
    private Long granteeFacilityId;
    private String purposes;
    private String scope;
    private LocalDate validFrom;
    private LocalDate validUntil;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String evidence;
    private String recordedBy;
    private Instant recordedAt;

    protected Consent() {
    }

    Consent(UUID id, UUID patientId, Long granteeFacilityId, Set<ReleasePurpose> purposes, Set<RecordScope> scope,
            LocalDate validFrom, LocalDate validUntil, Decision decision, String evidence, String recordedBy,
            Instant recordedAt) {
        this.id = id;
        this.patientId = patientId;
        this.granteeFacilityId = granteeFacilityId;
        this.purposes = join(purposes);
        this.scope = join(scope);
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.decision = decision;
        this.evidence = evidence;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPatientId() {
        return patientId;
    }

    /** The facility id, or {@link #ANY}. */
    public String getGrantee() {
        return granteeFacilityId == null ? ANY : granteeFacilityId.toString();
    }

    /** Null when the consent covers any facility. */
    public Long getGranteeFacilityId() {
        return granteeFacilityId;
    }

    public Set<ReleasePurpose> getPurposes() {
        return split(purposes, ReleasePurpose.class);
    }

    public Set<RecordScope> getScope() {
        return split(scope, RecordScope.class);
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    static String join(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> split(String csv, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(s -> Enum.valueOf(type, s.strip())).forEach(set::add);
        }
        return set;
    }
}
