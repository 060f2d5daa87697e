package org.carebridge.patients;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;

/** One measured value of one patient at one time. */
@Entity
public class Observation extends RecordEntry {

    @Enumerated(EnumType.STRING)
    private ObservationType type;
    private String code;
    private BigDecimal valueNumber;
    private String valueText;
    private String unit;
    private Instant effectiveAt;
    private String recordedBy;
    private Instant recordedAt;

    protected Observation() {
    }

    Observation(UUID id, UUID patientId, ObservationType type, BigDecimal valueNumber, String valueText,
            Instant effectiveAt, String recordedBy, Instant recordedAt) {
        super(id, patientId);
        this.type = type;
        this.code = type.code();
        this.valueNumber = valueNumber;
        this.valueText = valueText;
        this.unit = type.unit();
        this.effectiveAt = effectiveAt;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public ObservationType getType() {
        return type;
    }

    public String getCode() {
        return code;
    }

    public String getCodeSystem() {
        return type.codeSystem();
    }

    /** The value as the assessment API writes it: a number, a boolean, a consciousness level or a list of signs. */
    public Object getValue() {
        return switch (type.kind()) {
            case NUMBER -> valueNumber.stripTrailingZeros();
            case BOOLEAN -> Boolean.valueOf(valueText);
            case CONSCIOUSNESS -> Consciousness.valueOf(valueText);
            case DANGER_SIGNS -> dangerSigns();
        };
    }

    @JsonIgnore
    public BigDecimal getNumber() {
        return valueNumber;
    }

    @JsonIgnore
    public List<ImciDangerSign> dangerSigns() {
        return dangerSigns(valueText);
    }

    /** Danger signs as stored: their names, comma-separated; empty for none. */
    static List<ImciDangerSign> dangerSigns(String stored) {
        return stored == null || stored.isEmpty()
                ? List.of()
                : Arrays.stream(stored.split(",")).map(ImciDangerSign::valueOf).toList();
    }

    public String getUnit() {
        return unit;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
