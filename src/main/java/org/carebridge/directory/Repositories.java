package org.carebridge.directory;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface RegionRepository extends JpaRepository<Region, Long>, JpaSpecificationExecutor<Region> {
    boolean existsByCode(String code);
}

interface FacilityRepository extends JpaRepository<Facility, Long>, JpaSpecificationExecutor<Facility> {
    boolean existsByCode(String code);

    @Query("select f.id from Facility f where f.region.id in :regionIds")
    List<Long> findIdsByRegionIdIn(Collection<Long> regionIds);
}

interface PractitionerRepository extends JpaRepository<Practitioner, Long>, JpaSpecificationExecutor<Practitioner> {
    boolean existsByCode(String code);
}

interface EquipmentRepository extends JpaRepository<Equipment, Long>, JpaSpecificationExecutor<Equipment> {
    boolean existsByCode(String code);
}
