package org.carebridge.patients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface PatientRepository extends JpaRepository<Patient, UUID>, JpaSpecificationExecutor<Patient> {

    @Query("select p.id from Patient p join p.identifiers i where i.system = :system and i.value = :value")
    Optional<UUID> findIdByIdentifier(IdentifierSystem system, String value);

    @Query("select p.id from Patient p join p.identifiers i where i.value = :value")
    List<UUID> findIdsByIdentifierValue(String value);
}

interface ObservationRepository extends JpaRepository<Observation, UUID>, JpaSpecificationExecutor<Observation> {

    List<Observation> findByPatientIdOrderByEffectiveAtAsc(UUID patientId);
}

interface EncounterRepository extends JpaRepository<Encounter, UUID> {

    List<Encounter> findByPatientIdOrderByStartedAtDesc(UUID patientId);
}
