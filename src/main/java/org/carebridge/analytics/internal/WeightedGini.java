package org.carebridge.analytics.internal;

import java.util.List;

/**
 * The Gini coefficient of per-capita values over regions, each region weighted by its population:
 * G = Σᵢ Σⱼ pᵢ pⱼ |xᵢ − xⱼ| / (2 P² μ), with P the total population and μ = Σ pᵢ xᵢ / P the province's mean.
 * Null when nothing is shared out (μ = 0) or nobody lives anywhere.
 */
public final class WeightedGini {

    public record Region(long population, double count) {
    }

    private WeightedGini() {
    }

    public static Double of(List<Region> regions) {
        List<Region> inhabited = regions.stream().filter(r -> r.population() > 0).toList();
        double people = inhabited.stream().mapToDouble(Region::population).sum();
        double total = inhabited.stream().mapToDouble(Region::count).sum();
        if (people == 0 || total == 0) {
            return null;
        }
        double sum = 0;
        for (Region a : inhabited) {
            for (Region b : inhabited) {
                sum += (double) a.population() * b.population()
                        * Math.abs(a.count() / a.population() - b.count() / b.population());
            }
        }
        double mean = total / people;
        return sum / (2 * people * people * mean);
    }
}
