package org.carebridge.scheduling.domain;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A piece of diagnostic equipment: a fixed one stays in its county, a mobile one can move overnight. */
public record EquipmentPiece(String id, String type, Region region, boolean mobile) {

    @PlanningId
    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
