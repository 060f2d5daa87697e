package org.carebridge.referrals;

import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;

/** Spring Data's implementation of {@link ReferralStatusCounts} (found by its name). */
class ReferralStatusCountsImpl implements ReferralStatusCounts {

    private final EntityManager entityManager;

    ReferralStatusCountsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Map<ReferralStatus, Long> countByStatus(Specification<Referral> filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Referral> referral = query.from(Referral.class);
        Path<ReferralStatus> status = referral.get("status");
        Predicate matching = filter.toPredicate(referral, query, cb);
        query.multiselect(status, cb.count(referral)).groupBy(status);
        if (matching != null) {
            query.where(matching);
        }
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        for (ReferralStatus s : ReferralStatus.values()) {
            counts.put(s, 0L);
        }
        for (Tuple row : entityManager.createQuery(query).getResultList()) {
            counts.put(row.get(0, ReferralStatus.class), row.get(1, Long.class));
        }
        return counts;
    }
}
