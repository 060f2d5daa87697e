package org.carebridge.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * A signed-in member of staff, as every module sees them: roles, and the facility and regions
 * whose patients they serve ({@code allRegions} for a province-wide coordinator).
 */
public record StaffMember(
        String username,
        String displayName,
        Set<Role> roles,
        Long practitionerId,
        Long facilityId,
        Set<Long> regionIds,
        boolean allRegions) implements Serializable {

    public StaffMember {
        roles = Set.copyOf(roles);
        regionIds = Set.copyOf(regionIds);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
