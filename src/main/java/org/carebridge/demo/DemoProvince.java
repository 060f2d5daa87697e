package org.carebridge.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.carebridge.clinical.Consciousness;
import org.carebridge.clinical.ImciDangerSign;
import org.carebridge.clinical.Sex;
import org.carebridge.directory.EquipmentType;
import org.carebridge.directory.FacilityType;
import org.carebridge.directory.Specialty;
import org.carebridge.directory.WeeklyAvailability;
import org.carebridge.patients.EncounterType;
import org.carebridge.patients.IdentifierSystem;
import org.carebridge.patients.ObservationType;
import org.carebridge.patients.PatientIdentifier;
import org.carebridge.patients.PatientImport.Measurement;
import org.carebridge.patients.PatientImport.PastEncounter;
import org.carebridge.patients.PatientImport;
import org.carebridge.patients.ResidentIdNumber;

/**
 * Yunling Prefecture (云岭州), a province corner that does not exist: a prefecture city with the
 * specialists, and seven mountain counties, five of them underserved, where Yi, Tibetan, Zhuang and
 * Hmong are spoken beside Mandarin. Everything here is synthetic and follows from the seed alone.
 */
final class DemoProvince {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record County(String code, String name, int population, boolean underserved, double xKm, double yKm,
            int roadSpeedKmh, String addressCode, Map<String, Integer> languageShares) {
    }

    record FacilitySeed(String code, String name, FacilityType type, String countyCode, boolean teleconsultCapable) {
    }

    record PractitionerSeed(String code, String username, String familyName, String givenName, String latinName,
            String facilityCode, boolean teleconsultCapable, Set<Specialty> specialties, Set<String> languages,
            List<WeeklyAvailability> availability) {
    }

    record EquipmentSeed(String code, String name, EquipmentType type, String facilityCode, boolean mobile) {
    }

    record Road(String fromCounty, String toCounty, int minutes) {
    }

    /** A Chinese name part with its pinyin. */
    private record NamePart(String hanzi, String pinyin) {
    }

    static final List<County> COUNTIES = List.of(
            new County("YL", "云岭市", 400_000, false, 0, 0, 60, "539901", Map.of("zh", 95, "ii", 5)),
            new County("QX", "青溪县", 220_000, false, 48, 22, 55, "539902", Map.of("zh", 90, "za", 10)),
            new County("SM", "石门县", 180_000, false, -40, 35, 55, "539903", Map.of("zh", 92, "hmn", 8)),
            new County("ML", "梅岭县", 95_000, true, 70, -55, 45, "539904", Map.of("zh", 80, "hmn", 20)),
            new County("YS", "彝山县", 120_000, true, -75, -40, 40, "539905", Map.of("ii", 70, "zh", 30)),
            new County("XS", "雪山县", 40_000, true, -120, 95, 40, "539906", Map.of("bo", 80, "zh", 20)),
            new County("HG", "河谷县", 75_000, true, 110, 60, 45, "539907", Map.of("za", 60, "zh", 40)),
            new County("MQ", "苗岭县", 60_000, true, 20, -110, 40, "539908", Map.of("hmn", 65, "zh", 35)));

    private static final List<NamePart> HAN_SURNAMES = parts("王 Wang", "李 Li", "张 Zhang", "刘 Liu", "陈 Chen",
            "杨 Yang", "赵 Zhao", "黄 Huang", "周 Zhou", "吴 Wu", "徐 Xu", "孙 Sun", "马 Ma", "朱 Zhu", "胡 Hu",
            "郭 Guo", "何 He", "罗 Luo", "高 Gao", "林 Lin", "段 Duan", "普 Pu", "字 Zi", "杞 Qi");
    private static final List<NamePart> FEMALE_GIVEN = parts("芳 Fang", "娜 Na", "敏 Min", "静 Jing", "丽 Li",
            "艳 Yan", "娟 Juan", "秀英 Xiuying", "霞 Xia", "桂英 Guiying", "玉兰 Yulan", "海燕 Haiyan", "春梅 Chunmei",
            "红 Hong", "琳 Lin", "雪梅 Xuemei", "丽华 Lihua", "金凤 Jinfeng");
    private static final List<NamePart> MALE_GIVEN = parts("伟 Wei", "强 Qiang", "磊 Lei", "军 Jun", "洋 Yang",
            "勇 Yong", "杰 Jie", "涛 Tao", "明 Ming", "超 Chao", "平 Ping", "刚 Gang", "建华 Jianhua", "志强 Zhiqiang",
            "文 Wen", "小龙 Xiaolong", "国华 Guohua", "德明 Deming");
    private static final Map<String, List<NamePart>> LOCAL_SURNAMES = Map.of(
            "ii", parts("阿 A", "吉克 Jike", "沙马 Shama", "曲比 Qubi", "阿苏 Asu", "海来 Hailai"),
            "bo", parts("扎西 Zhaxi", "次仁 Ciren", "多吉 Duoji", "格桑 Gesang", "达瓦 Dawa", "旺堆 Wangdui"),
            "za", parts("韦 Wei", "覃 Qin", "蓝 Lan", "莫 Mo", "农 Nong", "陆 Lu"),
            "hmn", parts("杨 Yang", "龙 Long", "石 Shi", "麻 Ma", "熊 Xiong", "吴 Wu"));
    private static final Map<String, List<NamePart>> LOCAL_GIVEN = Map.of(
            "ii", parts("木 Mu", "日 Ri", "阿依 Ayi", "伍各 Wuge", "拉哈 Laha", "尔古 Ergu"),
            "bo", parts("卓玛 Zhuoma", "平措 Pingcuo", "央金 Yangjin", "顿珠 Dunzhu", "拉姆 Lamu", "罗布 Luobu"),
            "za", parts("秀 Xiu", "金 Jin", "兰 Lan", "桂 Gui", "福 Fu", "宁 Ning"),
            "hmn", parts("阿妹 Amei", "金花 Jinhua", "老二 Laoer", "开 Kai", "银 Yin", "光 Guang"));

    private final long seed;

    DemoProvince(long seed) {
        this.seed = seed;
    }

    // ---- the care network

    List<FacilitySeed> facilities() {
        List<FacilitySeed> facilities = new ArrayList<>();
        facilities.add(new FacilitySeed("YL-PH", "云岭州人民医院", FacilityType.PREFECTURE_HOSPITAL, "YL", true));
        facilities.add(new FacilitySeed("YL-CH", "云岭市第二人民医院", FacilityType.COUNTY_HOSPITAL, "YL", true));
        facilities.add(new FacilitySeed("YL-T1", "城东社区卫生服务中心", FacilityType.TOWNSHIP_HEALTH_CENTER, "YL", true));
        facilities.add(new FacilitySeed("YL-T2", "龙泉镇卫生院", FacilityType.TOWNSHIP_HEALTH_CENTER, "YL", false));
        facilities.add(new FacilitySeed("YL-V1", "松坪村卫生室", FacilityType.VILLAGE_CLINIC, "YL", false));
        String[][] towns = {
                {"QX", "青溪镇卫生院", "柳湾乡卫生院"}, {"SM", "石门镇卫生院", "岩脚乡卫生院"},
                {"ML", "梅岭镇卫生院", "竹坪乡卫生院"}, {"YS", "彝山镇卫生院", "火把乡卫生院"},
                {"XS", "雪山镇卫生院", null}, {"HG", "河谷镇卫生院", "芒果乡卫生院"},
                {"MQ", "苗岭镇卫生院", null}};
        String[][] villages = {
                {"QX", "清水村卫生室"}, {"SM", "大石村卫生室"}, {"ML", "梅子村卫生室", "高坡村卫生室"},
                {"YS", "阿果村卫生室", "依达村卫生室"}, {"XS", "牧场村卫生室", "垭口村卫生室"},
                {"HG", "榕树村卫生室"}, {"MQ", "芦笙村卫生室", "云雾村卫生室"}};
        for (String[] town : towns) {
            County county = county(town[0]);
            facilities.add(new FacilitySeed(county.code() + "-CH", county.name() + "人民医院", FacilityType.COUNTY_HOSPITAL,
                    county.code(), true));
            facilities.add(new FacilitySeed(county.code() + "-T1", town[1], FacilityType.TOWNSHIP_HEALTH_CENTER,
                    county.code(), !county.underserved()));
            if (town[2] != null) {
                facilities.add(new FacilitySeed(county.code() + "-T2", town[2], FacilityType.TOWNSHIP_HEALTH_CENTER,
                        county.code(), false));
            }
        }
        for (String[] village : villages) {
            for (int i = 1; i < village.length; i++) {
                facilities.add(new FacilitySeed(village[0] + "-V" + i, village[i], FacilityType.VILLAGE_CLINIC,
                        village[0], false));
            }
        }
        return facilities;
    }

    /** Road time between county seats: winding mountain roads at the slower county's speed. */
    List<Road> roads() {
        List<Road> roads = new ArrayList<>();
        for (int i = 0; i < COUNTIES.size(); i++) {
            for (int j = i + 1; j < COUNTIES.size(); j++) {
                County a = COUNTIES.get(i);
                County b = COUNTIES.get(j);
                double km = Math.hypot(a.xKm() - b.xKm(), a.yKm() - b.yKm()) * 1.2;
                int speed = Math.min(a.roadSpeedKmh(), b.roadSpeedKmh());
                roads.add(new Road(a.code(), b.code(), (int) Math.round(km / speed * 60)));
            }
        }
        return roads;
    }

    /**
     * About sixty doctors, most of them at the prefecture hospital: the specialists the counties lack.
     * The first is the demo user {@code doctor}.
     */
    List<PractitionerSeed> practitioners() {
        Random random = new Random(seed ^ 0x5EED_D0C7L);
        List<PractitionerSeed> practitioners = new ArrayList<>();
        Set<String> usernames = new HashSet<>(Set.of("coordinator", "doctor", "planner", "records", "admin"));
        List<WeeklyAvailability> officeHours = weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0));
        practitioners.add(new PractitionerSeed("DR-0001", "doctor", "李", "明", "Li Ming", "YL-PH", true,
                EnumSet.of(Specialty.GENERAL_PRACTICE, Specialty.INTERNAL_MEDICINE), Set.of("zh", "ii"), officeHours));

        Map<Specialty, Integer> prefectureSpecialists = new LinkedHashMap<>();
        prefectureSpecialists.put(Specialty.INTERNAL_MEDICINE, 4);
        prefectureSpecialists.put(Specialty.EMERGENCY_MEDICINE, 4);
        prefectureSpecialists.put(Specialty.CARDIOLOGY, 3);
        prefectureSpecialists.put(Specialty.ENDOCRINOLOGY, 2);
        prefectureSpecialists.put(Specialty.PULMONOLOGY, 2);
        prefectureSpecialists.put(Specialty.PEDIATRICS, 3);
        prefectureSpecialists.put(Specialty.OBSTETRICS, 3);
        prefectureSpecialists.put(Specialty.NEPHROLOGY, 2);
        prefectureSpecialists.put(Specialty.DERMATOLOGY, 1);
        prefectureSpecialists.put(Specialty.GENERAL_PRACTICE, 3);
        prefectureSpecialists.forEach((specialty, count) -> {
            for (int i = 0; i < count; i++) {
                practitioners.add(practitioner(random, practitioners.size() + 1, usernames, "YL-PH",
                        EnumSet.of(specialty), "zh", random.nextInt(4) > 0));
            }
        });
        for (Specialty specialty : List.of(Specialty.INTERNAL_MEDICINE, Specialty.PEDIATRICS, Specialty.OBSTETRICS,
                Specialty.GENERAL_PRACTICE)) {
            practitioners.add(practitioner(random, practitioners.size() + 1, usernames, "YL-CH",
                    EnumSet.of(specialty), "zh", true));
        }
        for (County county : COUNTIES.subList(1, COUNTIES.size())) {
            String local = mainLocalLanguage(county);
            int hospitalDoctors = county.underserved() ? 2 : 4;
            List<Specialty> hospital = List.of(Specialty.INTERNAL_MEDICINE, Specialty.GENERAL_PRACTICE,
                    Specialty.PEDIATRICS, Specialty.OBSTETRICS);
            for (int i = 0; i < hospitalDoctors; i++) {
                practitioners.add(practitioner(random, practitioners.size() + 1, usernames, county.code() + "-CH",
                        EnumSet.of(hospital.get(i)), local, true));
            }
            practitioners.add(practitioner(random, practitioners.size() + 1, usernames, county.code() + "-T1",
                    EnumSet.of(Specialty.GENERAL_PRACTICE), local, !county.underserved()));
        }
        return practitioners;
    }

    List<EquipmentSeed> equipment() {
        List<EquipmentSeed> equipment = new ArrayList<>();
        equipment.add(new EquipmentSeed("EQ-CT-01", "64排CT", EquipmentType.CT_SCANNER, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-XR-01", "数字X线摄影系统", EquipmentType.X_RAY, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-US-01", "彩色多普勒超声", EquipmentType.ULTRASOUND, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-US-02", "彩色多普勒超声", EquipmentType.ULTRASOUND, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-ECG-01", "十二导联心电图机", EquipmentType.ECG, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-SP-01", "肺功能仪", EquipmentType.SPIROMETER, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-FC-01", "免散瞳眼底照相机", EquipmentType.FUNDUS_CAMERA, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-DM-01", "血液透析机", EquipmentType.DIALYSIS_MACHINE, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-DM-02", "血液透析机", EquipmentType.DIALYSIS_MACHINE, "YL-PH", false));
        equipment.add(new EquipmentSeed("EQ-XR-02", "数字X线摄影系统", EquipmentType.X_RAY, "YL-CH", false));
        equipment.add(new EquipmentSeed("EQ-US-03", "彩色多普勒超声", EquipmentType.ULTRASOUND, "YL-CH", false));
        equipment.add(new EquipmentSeed("EQ-XR-03", "数字X线摄影系统", EquipmentType.X_RAY, "QX-CH", false));
        equipment.add(new EquipmentSeed("EQ-US-04", "黑白超声", EquipmentType.ULTRASOUND, "QX-CH", false));
        equipment.add(new EquipmentSeed("EQ-XR-04", "数字X线摄影系统", EquipmentType.X_RAY, "SM-CH", false));
        equipment.add(new EquipmentSeed("EQ-ECG-02", "十二导联心电图机", EquipmentType.ECG, "SM-CH", false));
        equipment.add(new EquipmentSeed("EQ-ECG-03", "十二导联心电图机", EquipmentType.ECG, "ML-CH", false));
        equipment.add(new EquipmentSeed("EQ-ECG-04", "十二导联心电图机", EquipmentType.ECG, "YS-CH", false));
        equipment.add(new EquipmentSeed("EQ-ECG-05", "十二导联心电图机", EquipmentType.ECG, "HG-CH", false));
        equipment.add(new EquipmentSeed("EQ-PUS-01", "便携式超声", EquipmentType.ULTRASOUND, "YL-PH", true));
        equipment.add(new EquipmentSeed("EQ-PUS-02", "便携式超声", EquipmentType.ULTRASOUND, "YS-CH", true));
        return equipment;
    }

    // ---- patients and their histories

    /** Clinical pictures the demo covers, so that every guideline has patients to speak about. */
    enum Profile { HEALTHY, HYPERTENSIVE, DIABETIC, HYPERTENSIVE_DIABETIC, SEPTIC, CHILD, SICK_CHILD, PREGNANT }

    List<PatientImport> patients(int count, List<FacilitySeed> facilities, Map<String, Long> facilityIds,
            Map<String, List<Long>> practitionersByFacility, Instant now) {
        Random random = new Random(seed ^ 0x9A71E27L);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        Map<String, List<FacilitySeed>> facilitiesByCounty = new HashMap<>();
        facilities.forEach(f -> facilitiesByCounty.computeIfAbsent(f.countyCode(), c -> new ArrayList<>()).add(f));
        int totalPopulation = COUNTIES.stream().mapToInt(County::population).sum();
        Set<String> residentIds = new HashSet<>();
        List<PatientImport> patients = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            County county = weightedCounty(random, totalPopulation);
            List<FacilitySeed> local = facilitiesByCounty.get(county.code()).stream()
                    .filter(f -> f.type() != FacilityType.PREFECTURE_HOSPITAL).toList();
            FacilitySeed home = local.get(random.nextInt(local.size()));
            String language = pick(random, county.languageShares());
            Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            Profile profile = profile(random);
            int age = switch (profile) {
                case CHILD -> random.nextInt(100) < 60 ? random.nextInt(5) : 5 + random.nextInt(11);
                case SICK_CHILD -> random.nextInt(5);
                case PREGNANT -> 18 + random.nextInt(23);
                case SEPTIC -> 20 + random.nextInt(70);
                case HEALTHY -> 16 + random.nextInt(60);
                default -> 35 + random.nextInt(50);
            };
            if (profile == Profile.PREGNANT) {
                sex = Sex.FEMALE;
            }
            LocalDate birthDate = today.minusYears(age).minusDays(1 + random.nextInt(364));
            NamePart family = family(random, language);
            NamePart given = given(random, language, sex);
            UUID id = uuid(random);
            String residentId;
            do {
                int sequence = random.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
                residentId = ResidentIdNumber.of(county.addressCode(), birthDate, sequence);
            } while (!residentIds.add(residentId));
            List<PatientIdentifier> identifiers = List.of(
                    new PatientIdentifier(IdentifierSystem.RESIDENT_ID, residentId),
                    new PatientIdentifier(IdentifierSystem.MEDICAL_INSURANCE, String.format("NCMS%010d", n + 1)));
            History history = history(random, profile, age, birthDate, home, facilityIds,
                    practitionersByFacility.getOrDefault(home.code(), List.of()), now);
            patients.add(new PatientImport(id, family.hanzi(), given.hanzi(), family.pinyin() + " " + given.pinyin(),
                    birthDate, sex, language, facilityIds.get(home.code()), identifiers,
                    history.observations(), history.encounters()));
        }
        return patients;
    }

    private record History(List<Measurement> observations, List<PastEncounter> encounters) {
    }

    private History history(Random random, Profile profile, int age, LocalDate birthDate, FacilitySeed home,
            Map<String, Long> facilityIds, List<Long> practitioners, Instant now) {
        List<Measurement> observations = new ArrayList<>();
        List<PastEncounter> encounters = new ArrayList<>();
        int visits = 2 + random.nextInt(4);
        // visits fall in the last two years, after birth and at least an hour before now
        Instant earliest = birthDate.atStartOfDay(ZONE).toInstant().plus(Duration.ofHours(2));
        Instant from = earliest.isAfter(now.minus(Duration.ofDays(720))) ? earliest : now.minus(Duration.ofDays(720));
        long spanHours = Math.max(1, Duration.between(from, now).toHours() - 1);
        List<Instant> times = new ArrayList<>();
        for (int v = 0; v < visits; v++) {
            times.add(from.plus(Duration.ofHours((long) (random.nextDouble() * spanHours))).truncatedTo(ChronoUnit.HOURS));
        }
        times.sort(null);
        for (int v = 0; v < times.size(); v++) {
            Instant at = times.get(v);
            boolean last = v == times.size() - 1;
            Vitals vitals = vitals(random, profile, age, last);
            vitals.record(random, observations, at);
            Long practitioner = practitioners.isEmpty() ? null : practitioners.get(random.nextInt(practitioners.size()));
            encounters.add(new PastEncounter(uuid(random), vitals.emergency ? EncounterType.EMERGENCY : EncounterType.OUTPATIENT,
                    facilityIds.get(home.code()), practitioner, vitals.reason, at, at.plus(Duration.ofMinutes(20)),
                    "import", vitals.note));
        }
        return new History(observations, encounters);
    }

    /** One visit's measurements and what the clinician wrote about it. */
    private static final class Vitals {
        final Map<ObservationType, Object> values = new LinkedHashMap<>();
        String reason;
        String note;
        boolean emergency;

        void record(Random random, List<Measurement> into, Instant at) {
            values.forEach((type, value) -> {
                BigDecimal number = value instanceof BigDecimal d ? d : null;
                String text = number == null ? value.toString() : null;
                into.add(new Measurement(uuid(random), type, number, text, at));
            });
        }
    }

    private Vitals vitals(Random random, Profile profile, int age, boolean lastVisit) {
        Vitals v = new Vitals();
        boolean child = age < 5;
        boolean school = age >= 5 && age < 16;
        v.values.put(ObservationType.RESPIRATORY_RATE, whole(random, child ? 24 : school ? 16 : 12, child ? 38 : school ? 22 : 18));
        v.values.put(ObservationType.OXYGEN_SATURATION, whole(random, 96, 99));
        v.values.put(ObservationType.SUPPLEMENTAL_OXYGEN, false);
        v.values.put(ObservationType.SYSTOLIC_BP, whole(random, child ? 85 : 105, child ? 105 : 126));
        v.values.put(ObservationType.DIASTOLIC_BP, whole(random, child ? 50 : 65, child ? 65 : 78));
        v.values.put(ObservationType.HEART_RATE, whole(random, child ? 95 : school ? 70 : 58, child ? 140 : school ? 110 : 88));
        v.values.put(ObservationType.CONSCIOUSNESS, Consciousness.ALERT);
        v.values.put(ObservationType.TEMPERATURE, tenths(random, 36.2, 37.2));
        v.reason = "常规随访";
        v.note = "生命体征平稳，未见异常。";
        switch (profile) {
            case HYPERTENSIVE, HYPERTENSIVE_DIABETIC -> {
                boolean crisis = lastVisit && random.nextInt(100) < 6;
                v.values.put(ObservationType.SYSTOLIC_BP, whole(random, crisis ? 182 : 132, crisis ? 210 : 176));
                v.values.put(ObservationType.DIASTOLIC_BP, whole(random, crisis ? 112 : 82, crisis ? 126 : 104));
                v.reason = "高血压随访";
                v.note = crisis ? "血压明显升高，伴头痛，建议紧急转诊。" : "血压控制欠佳，调整降压药物，两周后复诊。";
                v.emergency = crisis;
                if (profile == Profile.HYPERTENSIVE_DIABETIC) {
                    diabetic(random, v);
                }
            }
            case DIABETIC -> diabetic(random, v);
            case SEPTIC -> {
                if (lastVisit) {
                    v.values.put(ObservationType.RESPIRATORY_RATE, whole(random, 21, 30));
                    v.values.put(ObservationType.OXYGEN_SATURATION, whole(random, 89, 95));
                    v.values.put(ObservationType.SYSTOLIC_BP, whole(random, 84, 104));
                    v.values.put(ObservationType.DIASTOLIC_BP, whole(random, 48, 62));
                    v.values.put(ObservationType.HEART_RATE, whole(random, 104, 132));
                    v.values.put(ObservationType.TEMPERATURE, random.nextInt(5) == 0
                            ? tenths(random, 34.8, 35.8) : tenths(random, 38.4, 39.9));
                    if (random.nextInt(10) < 3) {
                        v.values.put(ObservationType.CONSCIOUSNESS, Consciousness.CONFUSION);
                    }
                    v.values.put(ObservationType.BLOOD_UREA, tenths(random, 6.0, 13.0));
                    v.reason = "发热、咳嗽、气促";
                    v.note = "考虑重症感染（肺炎可能），建议立即转诊上级医院。";
                    v.emergency = true;
                }
            }
            case SICK_CHILD, CHILD -> {
                boolean sick = profile == Profile.SICK_CHILD && lastVisit;
                if (child) {
                    List<ImciDangerSign> signs = new ArrayList<>();
                    if (sick) {
                        List<ImciDangerSign> all = List.of(ImciDangerSign.values());
                        signs.add(all.get(random.nextInt(all.size())));
                        v.values.put(ObservationType.TEMPERATURE, tenths(random, 38.5, 39.8));
                    }
                    v.values.put(ObservationType.IMCI_DANGER_SIGNS, String.join(",", signs.stream().map(Enum::name).toList()));
                }
                v.reason = sick ? "患儿发热" : "儿童保健";
                v.note = sick ? "出现IMCI一般危险体征，需紧急转诊儿科。" : "生长发育正常，按期接种疫苗。";
                v.emergency = sick;
            }
            case PREGNANT -> {
                v.values.put(ObservationType.PREGNANCY_STATUS, true);
                v.reason = "产前检查";
                v.note = "孕期检查，母胎情况良好。";
            }
            case HEALTHY -> {
                if (random.nextInt(4) == 0) {
                    v.values.put(ObservationType.FASTING_PLASMA_GLUCOSE, tenths(random, 4.2, 6.2));
                }
            }
        }
        return v;
    }

    private static void diabetic(Random random, Vitals v) {
        v.values.put(ObservationType.FASTING_PLASMA_GLUCOSE, tenths(random, 6.8, 11.5));
        v.values.put(ObservationType.HBA1C, tenths(random, 6.2, 9.6));
        if (random.nextBoolean()) {
            v.values.put(ObservationType.RANDOM_PLASMA_GLUCOSE, tenths(random, 9.0, 16.0));
            v.values.put(ObservationType.CLASSIC_HYPERGLYCEMIA_SYMPTOMS, random.nextBoolean());
        }
        v.reason = "糖尿病随访";
        v.note = "复查空腹血糖及糖化血红蛋白，加强饮食控制。";
    }

    private static Profile profile(Random random) {
        int r = random.nextInt(100);
        if (r < 38) {
            return Profile.HEALTHY;
        } else if (r < 56) {
            return Profile.HYPERTENSIVE;
        } else if (r < 67) {
            return Profile.DIABETIC;
        } else if (r < 74) {
            return Profile.HYPERTENSIVE_DIABETIC;
        } else if (r < 79) {
            return Profile.SEPTIC;
        } else if (r < 92) {
            return Profile.CHILD;
        } else if (r < 96) {
            return Profile.SICK_CHILD;
        }
        return Profile.PREGNANT;
    }

    // ---- helpers

    private PractitionerSeed practitioner(Random random, int number, Set<String> usernames, String facilityCode,
            Set<Specialty> specialties, String localLanguage, boolean teleconsult) {
        Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        NamePart family = HAN_SURNAMES.get(random.nextInt(HAN_SURNAMES.size()));
        List<NamePart> givenNames = sex == Sex.FEMALE ? FEMALE_GIVEN : MALE_GIVEN;
        NamePart given = givenNames.get(random.nextInt(givenNames.size()));
        String base = (family.pinyin() + given.pinyin()).toLowerCase();
        String username = base;
        for (int i = 2; !usernames.add(username); i++) {
            username = base + i;
        }
        Set<String> languages = new HashSet<>(Set.of("zh"));
        if (!"zh".equals(localLanguage) && random.nextInt(3) > 0) {
            languages.add(localLanguage);
        }
        List<WeeklyAvailability> hours = new ArrayList<>(weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        hours.addAll(weekdays(LocalTime.of(14, 0), LocalTime.of(17, 30)));
        if (random.nextInt(3) == 0) {
            hours.add(new WeeklyAvailability(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
        }
        return new PractitionerSeed(String.format("DR-%04d", number), username, family.hanzi(), given.hanzi(),
                family.pinyin() + " " + given.pinyin(), facilityCode, teleconsult, specialties, languages, hours);
    }

    private static List<WeeklyAvailability> weekdays(LocalTime start, LocalTime end) {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .stream().map(d -> new WeeklyAvailability(d, start, end)).toList();
    }

    private static String mainLocalLanguage(County county) {
        return county.languageShares().entrySet().stream()
                .filter(e -> !e.getKey().equals("zh"))
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse("zh");
    }

    static County county(String code) {
        return COUNTIES.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private static County weightedCounty(Random random, int totalPopulation) {
        int r = random.nextInt(totalPopulation);
        for (County county : COUNTIES) {
            r -= county.population();
            if (r < 0) {
                return county;
            }
        }
        return COUNTIES.get(0);
    }

    private static String pick(Random random, Map<String, Integer> shares) {
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (Map.Entry<String, Integer> share : new java.util.TreeMap<>(shares).entrySet()) {
            r -= share.getValue();
            if (r < 0) {
                return share.getKey();
            }
        }
        throw new IllegalStateException("shares are positive");
    }

    private static NamePart family(Random random, String language) {
        List<NamePart> names = LOCAL_SURNAMES.getOrDefault(language, HAN_SURNAMES);
        return names.get(random.nextInt(names.size()));
    }

    private static NamePart given(Random random, String language, Sex sex) {
        List<NamePart> names = LOCAL_GIVEN.getOrDefault(language, sex == Sex.FEMALE ? FEMALE_GIVEN : MALE_GIVEN);
        return names.get(random.nextInt(names.size()));
    }

    private static BigDecimal whole(Random random, int min, int max) {
        return BigDecimal.valueOf(min + random.nextInt(max - min + 1));
    }

    private static BigDecimal tenths(Random random, double min, double max) {
        return BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(1, RoundingMode.HALF_UP);
    }

    private static UUID uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static List<NamePart> parts(String... entries) {
        return java.util.Arrays.stream(entries).map(e -> e.split(" ")).map(p -> new NamePart(p[0], p[1])).toList();
    }
}
