package io.caravel.risk;

import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.TimeCursor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.List;

/** The risk register: every risk event of every component, written in the transaction of the step that found it. */
@Stateless
public class RiskEvents {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Records one risk event about a subject. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(RiskCategory category, String code, RiskEvent.Severity severity, String subjectType, String subjectId,
                       String sellerId, String detail) {
        String text = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        em.persist(new RiskEvent(category, code, severity, subjectType, subjectId, sellerId, text, clock.instant()));
    }

    /** Risk events newest first, optionally of one category or one subject. */
    public Page<RiskEvent> list(RiskCategory category, String subjectId, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select r from RiskEvent r where 1 = 1");
        if (category != null) {
            jpql.append(" and r.category = :category");
        }
        if (subjectId != null) {
            jpql.append(" and r.subjectId = :subject");
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (r.occurredAt < :at or (r.occurredAt = :at and r.id < :id))");
        }
        jpql.append(" order by r.occurredAt desc, r.id desc");
        TypedQuery<RiskEvent> query = em.createQuery(jpql.toString(), RiskEvent.class);
        if (category != null) {
            query.setParameter("category", category);
        }
        if (subjectId != null) {
            query.setParameter("subject", subjectId);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<RiskEvent> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<RiskEvent> items = rows.stream().limit(page.limit()).toList();
        String next = rows.size() > page.limit()
                ? new TimeCursor(items.get(items.size() - 1).occurredAt(), items.get(items.size() - 1).id()).next()
                : null;
        return new Page<>(items, next);
    }

    /** A seller's latest risk events, newest first (the seller's history on a case). */
    public List<RiskEvent> ofSeller(String sellerId, int max) {
        return em.createQuery("select r from RiskEvent r where r.sellerId = :seller order by r.occurredAt desc, r.id desc",
                RiskEvent.class).setParameter("seller", sellerId).setMaxResults(max).getResultList();
    }
}
