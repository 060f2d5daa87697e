package org.carebridge.patients.consent;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.carebridge.patients.RecordScope;
import org.carebridge.patients.ReleasePurpose;
import org.kie.api.definition.type.ClassReactive;

/** One consent directive as the consent rules see it (a fact of their session). */
@ClassReactive // facts are never modified: nothing to react to, property by property
public final class ConsentTerms {

    private final UUID id;
    private final Long granteeFacilityId;
    private final Set<ReleasePurpose> purposes;
    private final Set<RecordScope> scope;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final boolean deny;

    public ConsentTerms(UUID id, Long granteeFacilityId, Set<ReleasePurpose> purposes, Set<RecordScope> scope,
            LocalDate validFrom, LocalDate validUntil, boolean deny) {
        this.id = id;
        this.granteeFacilityId = granteeFacilityId;
        this.purposes = purposes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(purposes));
        this.scope = scope.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scope));
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.deny = deny;
    }

    public boolean isDeny() {
        return deny;
    }

    public boolean isPermit() {
        return !deny;
    }

    /** In force on that day: from {@code validFrom} to {@code validUntil}, both days included. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** Names the facility, or any facility. */
    public boolean grants(long facilityId) {
        return granteeFacilityId == null || granteeFacilityId == facilityId;
    }

    /** A PERMIT covers a request when it names its receiver, its purpose and every part of its scope. */
    public boolean covers(ReleaseQuestion request) {
        return grants(request.getFacilityId()) && purposes.contains(request.getPurpose())
                && scope.containsAll(request.getScope());
    }

    /** A DENY covers a request when it names its receiver and purpose and any part of its scope. */
    public boolean touches(ReleaseQuestion request) {
        return grants(request.getFacilityId()) && purposes.contains(request.getPurpose())
                && request.getScope().stream().anyMatch(scope::contains);
    }

    public UUID getId() {
        return id;
    }

    public String describe() {
        return "consent " + id + " (" + (deny ? "DENY" : "PERMIT") + " "
                + (granteeFacilityId == null ? "any facility" : "facility " + granteeFacilityId)
                + ", purposes " + purposes + ", scope " + scope + ", " + validFrom + " to "
                + (validUntil == null ? "open end" : validUntil.toString()) + ")";
    }
}
