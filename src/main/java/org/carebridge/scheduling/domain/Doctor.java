package org.carebridge.scheduling.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.optaplanner.core.api.domain.lookup.PlanningId;

/** A doctor who can be given appointments: specialties, languages, home county and working hours per day. */
public final class Doctor {

    @PlanningId
    private final String id;
    private final String name;
    private final Set<String> specialties;
    private final Set<String> languages;
    private final Region home;
    private final boolean teleconsult;
    private final int maxMinutes;
    private final List<List<Window>> windowsByDay;

    public Doctor(String id, String name, Set<String> specialties, Set<String> languages, Region home,
            boolean teleconsult, int maxMinutes, List<List<Window>> windowsByDay) {
        this.id = id;
        this.name = name;
        this.specialties = Set.copyOf(specialties);
        this.languages = Set.copyOf(languages);
        this.home = home;
        this.teleconsult = teleconsult;
        this.maxMinutes = maxMinutes;
        this.windowsByDay = new ArrayList<>();
        windowsByDay.forEach(day -> this.windowsByDay.add(List.copyOf(day)));
    }

    /** The working hours that hold the whole interval, or null when none does. */
    public Window windowHolding(int day, int from, int to) {
        if (day < 0 || day >= windowsByDay.size()) {
            return null;
        }
        for (Window window : windowsByDay.get(day)) {
            if (window.contains(from, to)) {
                return window;
            }
        }
        return null;
    }

    public List<Window> windowsOn(int day) {
        return day < 0 || day >= windowsByDay.size() ? List.of() : windowsByDay.get(day);
    }

    /** The doctor falls ill or is called away: no working hours that day any more. */
    public void cancelDay(int day) {
        if (day >= 0 && day < windowsByDay.size()) {
            windowsByDay.set(day, List.of());
        }
    }

    public int days() {
        return windowsByDay.size();
    }

    public boolean hasSpecialty(String specialty) {
        return specialties.contains(specialty);
    }

    public boolean speaks(String language) {
        return languages.contains(language);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<String> getSpecialties() {
        return specialties;
    }

    public Set<String> getLanguages() {
        return languages;
    }

    public Region getHome() {
        return home;
    }

    public boolean isTeleconsult() {
        return teleconsult;
    }

    public int getMaxMinutes() {
        return maxMinutes;
    }

    @Override
    public String toString() {
        return id;
    }
}
