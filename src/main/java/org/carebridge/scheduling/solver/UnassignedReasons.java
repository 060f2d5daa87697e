package org.carebridge.scheduling.solver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carebridge.scheduling.domain.Appointment;
import org.carebridge.scheduling.domain.Doctor;
import org.carebridge.scheduling.domain.Mode;
import org.carebridge.scheduling.domain.Schedule;
import org.carebridge.scheduling.domain.Window;

/** Why an appointment was left out, where the reason is plain; otherwise that capacity ran out. */
public final class UnassignedReasons {

    private UnassignedReasons() {
    }

    public static Map<String, String> of(Schedule schedule) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Appointment a : schedule.getAppointments()) {
            if (!a.isAssigned()) {
                reasons.put(a.getId(), reason(schedule, a));
            }
        }
        return reasons;
    }

    static String reason(Schedule schedule, Appointment a) {
        String specialty = a.getSpecialty();
        List<Doctor> withSpecialty = schedule.doctorsWith(specialty);
        String days = a.getEarliestDay() == a.getLatestDay() ? "day " + a.getEarliestDay()
                : "days " + a.getEarliestDay() + "–" + a.getLatestDay();
        if (withSpecialty.isEmpty()) {
            return "no doctor has " + specialty;
        }
        boolean inPerson = a.getModes().contains(Mode.IN_PERSON);
        List<Doctor> capable = inPerson ? withSpecialty
                : withSpecialty.stream().filter(Doctor::isTeleconsult).toList();
        if (capable.isEmpty()) {
            return "no doctor with TELECONSULT for " + specialty;
        }
        boolean anyTime = false;
        for (Doctor d : capable) {
            for (int day = a.getEarliestDay(); day <= a.getLatestDay(); day++) {
                for (Window w : d.windowsOn(day)) {
                    anyTime |= w.end() - w.start() >= a.getDurationMinutes();
                }
            }
        }
        if (!anyTime) {
            return "window " + days + " has no availability of any " + specialty + " doctor";
        }
        if (a.getEquipmentType() != null && !a.getModes().contains(Mode.TELECONSULT)
                && schedule.equipmentOfType(a.getEquipmentType()).isEmpty()) {
            return "no " + a.getEquipmentType() + " in the problem";
        }
        return "every " + specialty + " doctor is fully booked in " + days + " for more urgent or earlier patients";
    }
}
