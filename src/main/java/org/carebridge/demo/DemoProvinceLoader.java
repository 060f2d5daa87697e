package org.carebridge.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.carebridge.analytics.HistoryGenerator;
import org.carebridge.demo.DemoProvince.County;
import org.carebridge.demo.DemoProvince.FacilitySeed;
import org.carebridge.demo.DemoProvince.PractitionerSeed;
import org.carebridge.directory.Directory;
import org.carebridge.directory.Facility;
import org.carebridge.directory.Practitioner;
import org.carebridge.directory.Region;
import org.carebridge.directory.Requests.EquipmentRequest;
import org.carebridge.directory.Requests.FacilityRequest;
import org.carebridge.directory.Requests.PractitionerRequest;
import org.carebridge.directory.Requests.RegionRequest;
import org.carebridge.directory.TravelTime;
import org.carebridge.identity.NewStaffAccount;
import org.carebridge.identity.Role;
import org.carebridge.identity.StaffAccounts;
import org.carebridge.patients.PatientRecords;
import org.carebridge.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo province into an empty database, once, in one transaction: either all of it is there
 * afterwards or none of it; of nodes started together, one seeds and the others find its province. Then, in a
 * second transaction, {@code carebridge.demo.history-months} (default 4) of generated referral history, so that
 * the equity dashboard has something to show. Seeding starts as soon as the data layer is up, beside the rest
 * of the start (the process engine, the web layer), and CareBridge reports ready only once it is done.
 */
@Component
@ConditionalOnProperty(name = "carebridge.demo.enabled", havingValue = "true")
@Order(0) // before the first administrator is made from the environment, or it would find accounts and not seed
class DemoProvinceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProvinceLoader.class);

    private final DemoProperties properties;
    private final Directory directory;
    private final PatientRecords patients;
    private final StaffAccounts accounts;
    private final CompletableFuture<Void> seeding;

    /** About as many referrals a month as the demo province's specialists could see. */
    static final int REFERRALS_PER_MONTH = 500;
    private static final String SEEDING = "carebridge.demo-seeding";
    private static final Duration WAIT_FOR_OTHER_NODE = Duration.ofSeconds(1);

    DemoProvinceLoader(DemoProperties properties, Directory directory, PatientRecords patients, StaffAccounts accounts,
            PlatformTransactionManager transactions, ClusterLock lock, HistoryGenerator history,
            @Value("${carebridge.demo.history-months:4}") int historyMonths) {
        this.properties = properties;
        this.directory = directory;
        this.patients = patients;
        this.accounts = accounts;
        TransactionTemplate inOneTransaction = new TransactionTemplate(transactions);
        this.seeding = CompletableFuture.runAsync(() -> {
            if (seedUnlessAnotherNodeDid(inOneTransaction, lock) && historyMonths > 0) {
                history.generate(historyMonths * REFERRALS_PER_MONTH, Instant.now().truncatedTo(ChronoUnit.HOURS),
                        historyMonths * 30, properties.seed());
            }
        },
                task -> {
                    Thread seeder = new Thread(task, "demo-seeding");
                    seeder.setDaemon(true);
                    seeder.start();
                });
    }

    /**
     * Nodes started together on an empty database: one seeds while the others wait for its transaction to end,
     * then find the province there.
     */
    private boolean seedUnlessAnotherNodeDid(TransactionTemplate inOneTransaction, ClusterLock lock) {
        while (true) {
            Boolean seeded = inOneTransaction.execute(status -> lock.tryHoldForTransaction(SEEDING) ? seedIfEmpty() : null);
            if (seeded != null) {
                return seeded;
            }
            log.info("Another node is seeding the demo province; waiting for it");
            try {
                Thread.sleep(WAIT_FOR_OTHER_NODE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while another node seeded the demo province", e);
            }
        }
    }

    /** Holds the start until the demo province is in the database, or fails it if seeding failed. */
    @Override
    public void run(ApplicationArguments args) {
        seeding.join();
    }

    /** Whether it seeded the province. */
    private boolean seedIfEmpty() {
        if (!directory.isEmpty() || !patients.isEmpty() || accounts.count() > 0) {
            log.info("The database holds data already; the demo province is not seeded");
            return false;
        }
        long started = System.nanoTime();
        DemoProvince province = new DemoProvince(properties.seed());

        Map<String, Long> regionIds = new HashMap<>();
        for (County county : DemoProvince.COUNTIES) {
            Region region = directory.createRegion(new RegionRequest(county.code(), county.name(), county.population(),
                    county.underserved(), null));
            regionIds.put(county.code(), region.getId());
        }
        directory.setTravelTimes(province.roads().stream()
                .map(r -> new TravelTime(regionIds.get(r.fromCounty()), regionIds.get(r.toCounty()), r.minutes()))
                .toList());

        List<FacilitySeed> facilitySeeds = province.facilities();
        Map<String, Long> facilityIds = new HashMap<>();
        for (FacilitySeed f : facilitySeeds) {
            Facility facility = directory.createFacility(new FacilityRequest(f.code(), f.name(), f.type(),
                    regionIds.get(f.countyCode()), f.teleconsultCapable(), null));
            facilityIds.put(f.code(), facility.getId());
        }

        List<PractitionerSeed> practitionerSeeds = province.practitioners();
        Map<String, List<Long>> practitionersByFacility = new HashMap<>();
        List<NewStaffAccount> logins = new ArrayList<>(staff(regionIds, facilityIds));
        for (PractitionerSeed p : practitionerSeeds) {
            Practitioner practitioner = directory.createPractitioner(new PractitionerRequest(p.code(), p.familyName(),
                    p.givenName(), p.latinName(), facilityIds.get(p.facilityCode()), p.teleconsultCapable(),
                    p.specialties(), p.languages(), p.availability(), null));
            practitionersByFacility.computeIfAbsent(p.facilityCode(), c -> new ArrayList<>()).add(practitioner.getId());
            Facility home = practitioner.getHomeFacility();
            logins.add(new NewStaffAccount(p.username(), p.username(), p.familyName() + p.givenName(), Set.of(Role.DOCTOR),
                    practitioner.getId(), home.getId(), Set.of(home.getRegionId()), false));
        }

        province.equipment().forEach(e -> directory.createEquipment(new EquipmentRequest(e.code(), e.name(), e.type(),
                facilityIds.get(e.facilityCode()), e.mobile(), null)));

        long network = System.nanoTime();
        accounts.createWithPublishedPasswords(logins);
        long staff = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        var histories = province.patients(properties.patients(), facilitySeeds, facilityIds, practitionersByFacility, now);
        long generated = System.nanoTime();
        patients.importPatients(histories);
        long imported = System.nanoTime();
        log.info("Seeded the demo province: {} counties, {} facilities, {} practitioners, {} patients, {} logins in {} ms"
                        + " (network {} ms, logins {} ms, generating histories {} ms, importing them {} ms)",
                regionIds.size(), facilityIds.size(), practitionerSeeds.size(), properties.patients(), logins.size(),
                millis(started, imported), millis(started, network), millis(network, staff), millis(staff, generated),
                millis(generated, imported));
        return true;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** The demo users of {@code roles.md}, each with its name as password. */
    private static List<NewStaffAccount> staff(Map<String, Long> regionIds, Map<String, Long> facilityIds) {
        Long prefectureHospital = facilityIds.get("YL-PH");
        Long prefectureCity = regionIds.get("YL");
        return List.of(
                new NewStaffAccount("coordinator", "coordinator", "协调员 周敏", Set.of(Role.COORDINATOR), null,
                        prefectureHospital, Set.copyOf(regionIds.values()), true),
                new NewStaffAccount("planner", "planner", "排班员 陈洁", Set.of(Role.PLANNER), null,
                        prefectureHospital, Set.of(), false),
                new NewStaffAccount("records", "records", "病案员 赵静", Set.of(Role.RECORDS_OFFICER), null,
                        prefectureHospital, Set.of(prefectureCity), false),
                new NewStaffAccount("admin", "admin", "管理员 孙强", Set.of(Role.ADMIN), null, null, Set.of(), false));
    }
}
