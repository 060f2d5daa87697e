package org.carebridge.referrals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/** A booked slot of a doctor (and perhaps a piece of equipment) for one referral. */
@Entity
public class Appointment implements Persistable<UUID> {

    public enum Status {
        BOOKED,
        ATTENDED,
        MISSED,
        CANCELLED
    }

    @Id
    private UUID id;
    private UUID referralId;
    private Long practitionerId;
    private Long facilityId;
    private Long equipmentId;
    @Enumerated(EnumType.STRING)
    private AppointmentMode mode;
    private Instant startsAt;
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant bookedAt;
    private String bookedBy;
    @Transient
    private boolean stored;

    protected Appointment() {
    }

    Appointment(UUID referralId, long practitionerId, Long facilityId, Long equipmentId, AppointmentMode mode,
            Instant startsAt, Instant endsAt, Instant now, String bookedBy) {
        this.id = UUID.randomUUID();
        this.referralId = referralId;
        this.practitionerId = practitionerId;
        this.facilityId = facilityId;
        this.equipmentId = equipmentId;
        this.mode = mode;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.status = Status.BOOKED;
        this.bookedAt = now;
        this.bookedBy = bookedBy;
    }

    void end(Status outcome) {
        this.status = outcome;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @jakarta.persistence.PostLoad
    @jakarta.persistence.PostPersist
    void markStored() {
        stored = true;
    }

    public UUID getReferralId() {
        return referralId;
    }

    public Long getPractitionerId() {
        return practitionerId;
    }

    public Long getFacilityId() {
        return facilityId;
    }

    public Long getEquipmentId() {
        return equipmentId;
    }

    public AppointmentMode getMode() {
        return mode;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Status getStatus() {
        return status;
    }
}
