package org.carebridge.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic week for a prefecture like the demo province: eight counties (five underserved, further from the
 * prefecture city), most specialists in the city, a few who travel, teleconsults, fixed and mobile equipment,
 * patients who speak minority languages, urgencies and windows {@code earliestDay..latestDay} as referrals bring
 * them. The same seed gives the same problem.
 *
 * <p>The load is a coordinator's week, not a wish list: the doctors' referral clinics (half-day sessions,
 * 08:00–12:00 and 14:00–17:30) are sized from the demand so that, per specialty, the requested minutes are
 * about {@value #LOAD} of the minutes its doctors offer (at least one session each). So most of what a plan
 * leaves unassigned is lost to fragmentation, travel and wrong choices of doctor, mode or equipment, not to a
 * true shortage. Equipment follows the county hospitals: every county has an ECG, the city and the served
 * counties an ultrasound and an X-ray, the city one of each type, and mobile units of every type (about one
 * per ten doctors) can be driven to any county, so no in-person examination is impossible for want of a
 * machine. {@code --doctors} sets how many doctors share the demand, not how much they work.
 */
public final class ProblemGenerator {

    /** Requested minutes over offered minutes, per specialty. */
    static final double LOAD = 0.9;
    private static final int SESSION_MINUTES = 225; // a half-day, on average
    private static final String[][] COUNTIES = {
            // id, name, population, underserved, x, y (km-ish, for travel times)
            {"R1", "Yunling City", "400000", "false", "0", "0"},
            {"R2", "Heqing County", "180000", "false", "40", "25"},
            {"R3", "Lanping County", "120000", "true", "120", "60"},
            {"R4", "Ninglang County", "90000", "true", "150", "-40"},
            {"R5", "Yongsheng County", "160000", "false", "-60", "50"},
            {"R6", "Huaping County", "70000", "true", "-110", "-80"},
            {"R7", "Weixi County", "60000", "true", "90", "140"},
            {"R8", "Deqin County", "40000", "true", "180", "170"},
    };
    private static final String[] SPECIALTIES = {"GENERAL_PRACTICE", "INTERNAL_MEDICINE", "CARDIOLOGY",
            "ENDOCRINOLOGY", "PULMONOLOGY", "PEDIATRICS", "OBSTETRICS", "NEPHROLOGY", "DERMATOLOGY"};
    private static final double[] SPECIALTY_SHARE = {0.22, 0.2, 0.12, 0.1, 0.09, 0.1, 0.08, 0.05, 0.04};
    private static final String[] MINORITY_LANGUAGES = {"ii", "bo", "za", "hmn"};
    private static final String[] EQUIPMENT = {"ULTRASOUND", "ECG", "X_RAY", "SPIROMETER", "FUNDUS_CAMERA"};

    private ProblemGenerator() {
    }

    /** A doctor before their clinic sessions are known. */
    private record Practitioner(String id, List<String> specialties, List<String> languages, String home,
            boolean teleconsult) {
    }

    public static Problem generate(int appointments, int doctors, long seed) {
        Random random = new Random(seed);
        int days = 5;
        List<Problem.Region> regions = new ArrayList<>();
        Map<String, Map<String, Integer>> travel = new LinkedHashMap<>();
        for (String[] c : COUNTIES) {
            regions.add(new Problem.Region(c[0], c[1], Integer.parseInt(c[2]), Boolean.parseBoolean(c[3])));
            Map<String, Integer> row = new LinkedHashMap<>();
            for (String[] d : COUNTIES) {
                double km = Math.hypot(Double.parseDouble(c[4]) - Double.parseDouble(d[4]),
                        Double.parseDouble(c[5]) - Double.parseDouble(d[5]));
                // mountain roads: about 1.1 minutes per km, rounded to 5 minutes
                row.put(d[0], c == d ? 0 : (int) Math.round(km * 1.1 / 5) * 5 + 15);
            }
            travel.put(c[0], row);
        }

        List<Practitioner> practitioners = new ArrayList<>();
        for (int i = 0; i < doctors; i++) {
            String specialty = i < SPECIALTIES.length ? SPECIALTIES[i] : pick(random, SPECIALTIES, SPECIALTY_SHARE);
            List<String> specialties = new ArrayList<>(List.of(specialty));
            if (specialty.equals("GENERAL_PRACTICE") && random.nextBoolean()) {
                specialties.add("INTERNAL_MEDICINE");
            }
            // most specialists work in the prefecture city; general practitioners are spread out
            String home = specialty.equals("GENERAL_PRACTICE") || random.nextDouble() < 0.15
                    ? COUNTIES[random.nextInt(COUNTIES.length)][0] : random.nextDouble() < 0.8 ? "R1" : "R2";
            List<String> languages = new ArrayList<>(List.of("zh"));
            if (random.nextDouble() < 0.3) {
                languages.add(MINORITY_LANGUAGES[random.nextInt(MINORITY_LANGUAGES.length)]);
            }
            if (random.nextDouble() < 0.3) {
                languages.add("en");
            }
            practitioners.add(new Practitioner("D" + (i + 1), specialties, languages, home,
                    random.nextDouble() < 0.65));
        }

        List<Problem.Equipment> equipment = new ArrayList<>();
        int copies = Math.max(1, Math.round(appointments / 1000f));
        for (int copy = 0; copy < copies; copy++) {
            for (String[] county : COUNTIES) {
                boolean city = county[0].equals("R1");
                boolean served = !Boolean.parseBoolean(county[3]);
                for (String type : EQUIPMENT) {
                    boolean present = city || type.equals("ECG")
                            || served && (type.equals("ULTRASOUND") || type.equals("X_RAY"));
                    if (present) {
                        equipment.add(new Problem.Equipment("E" + (equipment.size() + 1), type, county[0], false));
                    }
                }
            }
        }
        int mobile = Math.max(EQUIPMENT.length, doctors / 10);
        for (int i = 0; i < mobile; i++) {
            equipment.add(new Problem.Equipment("E" + (equipment.size() + 1), EQUIPMENT[i % EQUIPMENT.length], "R1",
                    true));
        }

        double[] demand = new double[COUNTIES.length];
        for (int c = 0; c < COUNTIES.length; c++) {
            // underserved counties refer more per head: fewer doctors of their own
            demand[c] = Double.parseDouble(COUNTIES[c][2]) * (Boolean.parseBoolean(COUNTIES[c][3]) ? 1.6 : 1.0);
        }
        List<Problem.Appointment> appointmentList = new ArrayList<>();
        for (int i = 0; i < appointments; i++) {
            String region = COUNTIES[pickIndex(random, demand)][0];
            String specialty = pick(random, SPECIALTIES, SPECIALTY_SHARE);
            double u = random.nextDouble();
            String urgency = u < 0.15 ? "URGENT" : u < 0.5 ? "SOON" : "ROUTINE";
            double m = random.nextDouble();
            List<String> modes = m < 0.5 ? List.of("IN_PERSON", "TELECONSULT")
                    : m < 0.8 ? List.of("IN_PERSON") : List.of("TELECONSULT");
            String equipmentType = modes.contains("IN_PERSON") && random.nextDouble() < 0.3
                    ? EQUIPMENT[random.nextInt(EQUIPMENT.length)] : null;
            String language = random.nextDouble() < 0.3
                    ? MINORITY_LANGUAGES[random.nextInt(MINORITY_LANGUAGES.length)] : random.nextDouble() < 0.1 ? null : "zh";
            String preferred = null;
            if (random.nextDouble() < 0.25) {
                List<Practitioner> capable = practitioners.stream().filter(d -> d.specialties().contains(specialty))
                        .toList();
                preferred = capable.isEmpty() ? null : capable.get(random.nextInt(capable.size())).id();
            }
            int earliest = switch (urgency) {
                case "URGENT" -> random.nextInt(2);
                case "SOON" -> random.nextInt(3);
                default -> random.nextInt(4);
            };
            int latest = Math.min(days - 1, earliest + (urgency.equals("URGENT") ? 1 : 2 + random.nextInt(2)));
            int duration = new int[] {15, 30, 30, 45, 60}[random.nextInt(5)];
            appointmentList.add(new Problem.Appointment("A" + (i + 1), "P" + (1 + random.nextInt(appointments * 3)),
                    region, specialty, duration, urgency, modes, equipmentType, language, preferred, earliest, latest,
                    null, null));
        }

        // clinic sessions sized to the demand of each doctor's first specialty
        Map<String, Integer> requested = new LinkedHashMap<>();
        appointmentList.forEach(a -> requested.merge(a.specialty(), a.durationMinutes(), Integer::sum));
        Map<String, Long> colleagues = new LinkedHashMap<>();
        practitioners.forEach(d -> colleagues.merge(d.specialties().get(0), 1L, Long::sum));
        List<Problem.Doctor> doctorList = new ArrayList<>();
        for (Practitioner d : practitioners) {
            String specialty = d.specialties().get(0);
            double offered = requested.getOrDefault(specialty, 0) / LOAD / colleagues.get(specialty);
            int sessions = (int) Math.max(1, Math.min(2 * days, Math.round(offered / SESSION_MINUTES)));
            List<Integer> halfDays = new ArrayList<>();
            for (int h = 0; h < 2 * days; h++) {
                halfDays.add(h);
            }
            java.util.Collections.shuffle(halfDays, random);
            List<Problem.Window> availability = new ArrayList<>();
            int minutes = 0;
            for (int h : halfDays.subList(0, sessions).stream().sorted().toList()) {
                boolean morning = h % 2 == 0;
                availability.add(new Problem.Window(h / 2, morning ? "08:00" : "14:00", morning ? "12:00" : "17:30"));
                minutes += morning ? 240 : 210;
            }
            doctorList.add(new Problem.Doctor(d.id(), "Doctor " + d.id().substring(1), d.specialties(),
                    d.languages(), d.home(), d.teleconsult(), minutes, availability));
        }
        return new Problem("generated: " + appointments + " appointments, " + doctors + " doctors, seed " + seed,
                new Problem.Horizon(days, 15), regions, travel, doctorList, equipment, appointmentList, null);
    }

    private static String pick(Random random, String[] values, double[] shares) {
        return values[pickIndex(random, shares)];
    }

    private static int pickIndex(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
