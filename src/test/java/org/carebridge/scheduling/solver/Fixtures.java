package org.carebridge.scheduling.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.EquipmentPiece;
import org.carebridge.scheduling.domain.Mode;
import org.carebridge.scheduling.domain.Region;
import org.carebridge.scheduling.domain.Slot;
import org.carebridge.scheduling.domain.Urgency;
import org.carebridge.scheduling.domain.Window;

/** Small worlds for constraint tests: two counties 60 minutes apart, doctors working 08:00–12:00. */
public final class Fixtures {

    static final Region CITY = new Region("R1", "City", false, 0);
    static final Region VILLAGE = new Region("R2", "Village", true, 1);

    static {
        CITY.setTravelTo(new int[] {0, 60});
        VILLAGE.setTravelTo(new int[] {60, 0});
    }

    private static int sequence;

    private Fixtures() {
    }

    static Doctor cardiologist(String id) {
        return doctor(id, Set.of("CARDIOLOGY"), true, 1800);
    }

    static Doctor doctor(String id, Set<String> specialties, boolean teleconsult, int maxMinutes) {
        List<List<Window>> days = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            days.add(List.of(new Window(8 * 60, 12 * 60)));
        }
        return new Doctor(id, id, specialties, Set.of("zh"), CITY, teleconsult, maxMinutes, days);
    }

    /** A routine 30-minute cardiology visit in the city, days 0–2, costs as the spec's defaults. */
    static Appointment appointment(String id) {
        return appointment(id, CITY);
    }

    static Appointment appointment(String id, Region region) {
        Appointment a = new Appointment(id, sequence++, region, "CARDIOLOGY", 30, Urgency.ROUTINE,
                List.of(Mode.IN_PERSON, Mode.TELECONSULT), 0, 2);
        a.setCosts(1, 60, 30, 20, 1, 0);
        a.setSlotMinutes(15);
        return a;
    }

    static Appointment at(Appointment a, Doctor doctor, int day, String time, Mode mode) {
        String[] hm = time.split(":");
        a.setDoctor(doctor);
        a.setStart(new Slot(day, Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1])));
        a.setMode(mode);
        return a;
    }

    static EquipmentPiece piece(String id, String type, Region region, boolean mobile) {
        return new EquipmentPiece(id, type, region, mobile);
    }
}
