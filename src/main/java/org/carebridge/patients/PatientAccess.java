package org.carebridge.patients;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.carebridge.directory.Directory;
import org.carebridge.identity.CurrentStaff;
import org.carebridge.identity.StaffMember;
import org.carebridge.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Limits patient data to the patients a user has a reason to see: those registered at their facility
 * or in their regions (a province-wide coordinator sees all), and those another module gives them a
 * reason to see ({@link CareRelationships}: a referral routed to them).
 */
@Component
class PatientAccess {

    private final Directory directory;
    private final PatientRepository patients;
    private final List<CareRelationships> relationships;

    PatientAccess(Directory directory, PatientRepository patients, List<CareRelationships> relationships) {
        this.directory = directory;
        this.patients = patients;
        this.relationships = relationships;
    }

    /** The patient, if they exist (404) and the current user may see them (403). */
    Patient visiblePatient(UUID id) {
        Patient patient = patients.findById(id).orElseThrow(() -> new NotFoundException("No patient " + id));
        requireVisible(patient);
        return patient;
    }

    /** The facilities whose patients the current user may see, or null for all of them. */
    Set<Long> visibleFacilities() {
        StaffMember user = CurrentStaff.get();
        if (user.allRegions()) {
            return null;
        }
        Set<Long> facilities = new HashSet<>(directory.facilityIdsIn(user.regionIds()));
        if (user.facilityId() != null) {
            facilities.add(user.facilityId());
        }
        return facilities;
    }

    boolean canSeeFacility(long facilityId) {
        Set<Long> visible = visibleFacilities();
        return visible == null || visible.contains(facilityId);
    }

    void requireVisible(Patient patient) {
        if (!canSeeFacility(patient.getHomeFacilityId()) && relationships.stream()
                .noneMatch(r -> r.involves(CurrentStaff.get(), patient.getId()))) {
            throw new AccessDeniedException("This patient is registered outside the facility and regions you serve");
        }
    }
}
