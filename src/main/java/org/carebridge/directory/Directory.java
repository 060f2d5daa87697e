package org.carebridge.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.carebridge.directory.Filters.EquipmentFilter;
import org.carebridge.directory.Filters.FacilityFilter;
import org.carebridge.directory.Filters.PractitionerFilter;
import org.carebridge.directory.Filters.RegionFilter;
import org.carebridge.directory.Requests.EquipmentRequest;
import org.carebridge.directory.Requests.FacilityRequest;
import org.carebridge.directory.Requests.PractitionerRequest;
import org.carebridge.directory.Requests.RegionRequest;
import org.carebridge.shared.ConflictException;
import org.carebridge.shared.FieldError;
import org.carebridge.shared.InvalidRequestException;
import org.carebridge.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The care network: read by every module, written by administrators and planners. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final RegionRepository regions;
    private final FacilityRepository facilities;
    private final PractitionerRepository practitioners;
    private final EquipmentRepository equipment;
    private final JdbcTemplate jdbc;

    Directory(RegionRepository regions, FacilityRepository facilities, PractitionerRepository practitioners,
            EquipmentRepository equipment, JdbcTemplate jdbc) {
        this.regions = regions;
        this.facilities = facilities;
        this.practitioners = practitioners;
        this.equipment = equipment;
        this.jdbc = jdbc;
    }

    // ---- reads

    public boolean isEmpty() {
        return regions.count() == 0;
    }

    public Page<Region> regions(RegionFilter filter, Pageable page) {
        return regions.findAll(filter.toSpecification(), page);
    }

    public List<Region> allRegions() {
        return regions.findAll(Sort.by("name"));
    }

    public Region region(long id) {
        return regions.findById(id).orElseThrow(() -> new NotFoundException("No region " + id));
    }

    public Page<Facility> facilities(FacilityFilter filter, Pageable page) {
        return facilities.findAll(filter.toSpecification(), page);
    }

    public List<Facility> allFacilities() {
        return facilities.findAll(Sort.by("name"));
    }

    public Facility facility(long id) {
        return facilities.findById(id).orElseThrow(() -> new NotFoundException("No facility " + id));
    }

    public boolean facilityExists(long id) {
        return facilities.existsById(id);
    }

    /** The facilities of the given regions, for limiting what a user sees to their regions. */
    public Set<Long> facilityIdsIn(Collection<Long> regionIds) {
        return regionIds.isEmpty() ? Set.of() : Set.copyOf(facilities.findIdsByRegionIdIn(regionIds));
    }

    public Page<Practitioner> practitioners(PractitionerFilter filter, Pageable page) {
        return practitioners.findAll(filter.toSpecification(), page);
    }

    public List<Practitioner> allPractitioners() {
        return practitioners.findAll(Sort.by("id"));
    }

    public boolean practitionerExists(long id) {
        return practitioners.existsById(id);
    }

    public Practitioner practitioner(long id) {
        return practitioners.findById(id).orElseThrow(() -> new NotFoundException("No practitioner " + id));
    }

    public Page<Equipment> equipment(EquipmentFilter filter, Pageable page) {
        return equipment.findAll(filter.toSpecification(), page);
    }

    public Equipment equipmentPiece(long id) {
        return equipment.findById(id).orElseThrow(() -> new NotFoundException("No equipment " + id));
    }

    public List<TravelTime> travelTimes() {
        return jdbc.query("select from_region_id, to_region_id, minutes from region_travel_time"
                        + " order by from_region_id, to_region_id",
                (rs, i) -> new TravelTime(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
    }

    // ---- writes

    @Transactional
    public Region createRegion(RegionRequest request) {
        requireUniqueCode(regions::existsByCode, request.code(), "region");
        return regions.save(new Region(request.code(), request.name(), request.population(), request.underserved()));
    }

    @Transactional
    public Region updateRegion(long id, RegionRequest request) {
        Region region = region(id);
        requireCurrentVersion(region.getVersion(), request.version());
        if (!region.getCode().equals(request.code())) {
            requireUniqueCode(regions::existsByCode, request.code(), "region");
        }
        region.update(request.code(), request.name(), request.population(), request.underserved());
        return regions.saveAndFlush(region);
    }

    /** Stores road travel times between county seats; each pair is stored in both directions. */
    @Transactional
    public void setTravelTimes(Collection<TravelTime> times) {
        for (TravelTime t : times) {
            for (long[] pair : new long[][] {{t.fromRegionId(), t.toRegionId()}, {t.toRegionId(), t.fromRegionId()}}) {
                int updated = jdbc.update("update region_travel_time set minutes = ? where from_region_id = ? and to_region_id = ?",
                        t.minutes(), pair[0], pair[1]);
                if (updated == 0) {
                    jdbc.update("insert into region_travel_time (from_region_id, to_region_id, minutes) values (?, ?, ?)",
                            pair[0], pair[1], t.minutes());
                }
            }
        }
    }

    @Transactional
    public Facility createFacility(FacilityRequest request) {
        requireUniqueCode(facilities::existsByCode, request.code(), "facility");
        return facilities.save(new Facility(request.code(), request.name(), request.type(),
                referencedRegion(request.regionId()), request.teleconsultCapable()));
    }

    @Transactional
    public Facility updateFacility(long id, FacilityRequest request) {
        Facility facility = facility(id);
        requireCurrentVersion(facility.getVersion(), request.version());
        if (!facility.getCode().equals(request.code())) {
            requireUniqueCode(facilities::existsByCode, request.code(), "facility");
        }
        facility.update(request.code(), request.name(), request.type(), referencedRegion(request.regionId()),
                request.teleconsultCapable());
        return facilities.saveAndFlush(facility);
    }

    @Transactional
    public Practitioner createPractitioner(PractitionerRequest request) {
        requireUniqueCode(practitioners::existsByCode, request.code(), "practitioner");
        Practitioner practitioner = new Practitioner(request.code(), request.familyName(), request.givenName(),
                request.latinName(), referencedFacility("homeFacilityId", request.homeFacilityId()),
                request.teleconsultCapable(), request.specialties(), request.languages());
        if (request.availability() != null) {
            practitioner.replaceAvailability(validAvailability(request.availability()));
        }
        return practitioners.save(practitioner);
    }

    @Transactional
    public Practitioner updatePractitioner(long id, PractitionerRequest request) {
        Practitioner practitioner = practitioner(id);
        requireCurrentVersion(practitioner.getVersion(), request.version());
        if (!practitioner.getCode().equals(request.code())) {
            requireUniqueCode(practitioners::existsByCode, request.code(), "practitioner");
        }
        practitioner.update(request.code(), request.familyName(), request.givenName(), request.latinName(),
                referencedFacility("homeFacilityId", request.homeFacilityId()), request.teleconsultCapable(),
                request.specialties(), request.languages());
        if (request.availability() != null) {
            practitioner.replaceAvailability(validAvailability(request.availability()));
        }
        return practitioners.saveAndFlush(practitioner);
    }

    @Transactional
    public Practitioner replaceAvailability(long practitionerId, List<WeeklyAvailability> availability) {
        Practitioner practitioner = practitioner(practitionerId);
        practitioner.replaceAvailability(validAvailability(availability));
        return practitioners.saveAndFlush(practitioner);
    }

    @Transactional
    public Equipment createEquipment(EquipmentRequest request) {
        requireUniqueCode(equipment::existsByCode, request.code(), "equipment");
        return equipment.save(new Equipment(request.code(), request.name(), request.type(),
                referencedFacility("facilityId", request.facilityId()), request.mobile()));
    }

    @Transactional
    public Equipment updateEquipment(long id, EquipmentRequest request) {
        Equipment piece = equipmentPiece(id);
        requireCurrentVersion(piece.getVersion(), request.version());
        if (!piece.getCode().equals(request.code())) {
            requireUniqueCode(equipment::existsByCode, request.code(), "equipment");
        }
        piece.update(request.code(), request.name(), request.type(),
                referencedFacility("facilityId", request.facilityId()), request.mobile());
        return equipment.saveAndFlush(piece);
    }

    // ---- checks shared by the writes

    private Region referencedRegion(long id) {
        return regions.findById(id).orElseThrow(() -> new InvalidRequestException("regionId", "no region " + id));
    }

    private Facility referencedFacility(String field, long id) {
        return facilities.findById(id).orElseThrow(() -> new InvalidRequestException(field, "no facility " + id));
    }

    private static void requireUniqueCode(Predicate<String> exists, String code, String what) {
        if (exists.test(code)) {
            throw new ConflictException("code", "Another " + what + " already has the code " + code);
        }
    }

    /** A client that sends the version it read gets a 409 instead of silently overwriting a newer change. */
    private static void requireCurrentVersion(long current, Long sent) {
        if (sent != null && sent != current) {
            throw new ConflictException("version", "The record is at version " + current + ", not " + sent
                    + "; reload it and try again");
        }
    }

    /** Weekly hours must end after they start and must not overlap on the same day. */
    static List<WeeklyAvailability> validAvailability(List<WeeklyAvailability> availability) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < availability.size(); i++) {
            WeeklyAvailability slot = availability.get(i);
            if (!slot.start().isBefore(slot.end())) {
                errors.add(new FieldError("availability[" + i + "].end", "must be after start"));
            }
            for (int j = 0; j < i; j++) {
                if (slot.overlaps(availability.get(j))) {
                    errors.add(new FieldError("availability[" + i + "]", "overlaps availability[" + j + "]"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return availability;
    }

    /** Every facility by id, for showing where patients belong without a query per row. */
    public Map<Long, Facility> facilitiesById() {
        return allFacilities().stream().collect(Collectors.toMap(Facility::getId, f -> f));
    }
}
