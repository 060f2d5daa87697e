package org.carebridge.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

/** Query filters of the directory lists; every field is optional and they combine with AND. */
public final class Filters {

    private Filters() {
    }

    public record RegionFilter(Boolean underserved, String q) {
        Specification<Region> toSpecification() {
            return (root, query, cb) -> and(cb,
                    underserved == null ? null : cb.equal(root.get("underserved"), underserved),
                    text(cb, q, root.get("name"), root.get("code")));
        }
    }

    public record FacilityFilter(Long regionId, FacilityType type, Boolean teleconsultCapable, String q) {
        Specification<Facility> toSpecification() {
            return (root, query, cb) -> and(cb,
                    regionId == null ? null : cb.equal(root.get("region").get("id"), regionId),
                    type == null ? null : cb.equal(root.get("type"), type),
                    teleconsultCapable == null ? null : cb.equal(root.get("teleconsultCapable"), teleconsultCapable),
                    text(cb, q, root.get("name"), root.get("code")));
        }
    }

    public record PractitionerFilter(Specialty specialty, Long facilityId, Long regionId, Boolean teleconsultCapable,
            String language, String q) {
        Specification<Practitioner> toSpecification() {
            return (root, query, cb) -> and(cb,
                    specialty == null ? null : cb.isMember(specialty, root.get("specialties")),
                    facilityId == null ? null : cb.equal(root.get("homeFacility").get("id"), facilityId),
                    regionId == null ? null : cb.equal(root.get("homeFacility").get("region").get("id"), regionId),
                    teleconsultCapable == null ? null : cb.equal(root.get("teleconsultCapable"), teleconsultCapable),
                    language == null ? null : cb.isMember(language, root.get("languages")),
                    text(cb, q, root.get("familyName"), root.get("givenName"), root.get("latinName"), root.get("code")));
        }
    }

    public record EquipmentFilter(EquipmentType type, Long facilityId, Long regionId, Boolean mobile) {
        Specification<Equipment> toSpecification() {
            return (root, query, cb) -> and(cb,
                    type == null ? null : cb.equal(root.get("type"), type),
                    facilityId == null ? null : cb.equal(root.get("facility").get("id"), facilityId),
                    regionId == null ? null : cb.equal(root.get("facility").get("region").get("id"), regionId),
                    mobile == null ? null : cb.equal(root.get("mobile"), mobile));
        }
    }

    private static Predicate and(CriteriaBuilder cb, Predicate... predicates) {
        List<Predicate> present = new ArrayList<>();
        for (Predicate p : predicates) {
            if (p != null) {
                present.add(p);
            }
        }
        return cb.and(present.toArray(Predicate[]::new));
    }

    /** Case-insensitive "contains" over any of the given text columns; null when there is no search text. */
    @SafeVarargs
    static Predicate text(CriteriaBuilder cb, String q, Expression<String>... columns) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String pattern = "%" + q.trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        return cb.or(java.util.Arrays.stream(columns)
                .map(c -> cb.like(cb.lower(c), pattern, '\\'))
                .toArray(Predicate[]::new));
    }
}
