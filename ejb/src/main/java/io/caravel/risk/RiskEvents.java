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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
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
        return list(new RiskFilter(category, null, null, subjectId, null, null), page);
    }

    /** Risk events matching the filter, newest first, cursor paging. */
    public Page<RiskEvent> list(RiskFilter filter, PageRequest page) {
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        StringBuilder jpql = new StringBuilder("select r from RiskEvent r where 1 = 1");
        where(jpql, filter);
        if (after != null) {
            jpql.append(" and (r.occurredAt < :at or (r.occurredAt = :at and r.id < :id))");
        }
        jpql.append(" order by r.occurredAt desc, r.id desc");
        TypedQuery<RiskEvent> query = bind(em.createQuery(jpql.toString(), RiskEvent.class), filter);
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

    /** Every event matching the filter, newest first, at most {@code max} (the CSV export). */
    public List<RiskEvent> export(RiskFilter filter, int max) {
        StringBuilder jpql = new StringBuilder("select r from RiskEvent r where 1 = 1");
        where(jpql, filter);
        jpql.append(" order by r.occurredAt desc, r.id desc");
        return bind(em.createQuery(jpql.toString(), RiskEvent.class), filter).setMaxResults(max).getResultList();
    }

    /** Counts per category, severity and week, and the riskiest sellers (at most {@code sellers}) for the filter. */
    public RiskSummary summary(RiskFilter filter, int sellers) {
        StringBuilder jpql = new StringBuilder("select r.category, r.severity, r.sellerId, r.code, r.occurredAt, r.decision"
                + " from RiskEvent r where 1 = 1");
        where(jpql, filter);
        List<Object[]> rows = bind(em.createQuery(jpql.toString(), Object[].class), filter).getResultList();
        Map<RiskCategory, Long> byCategory = new EnumMap<>(RiskCategory.class);
        Map<RiskEvent.Severity, Long> bySeverity = new EnumMap<>(RiskEvent.Severity.class);
        Map<LocalDate, Map<RiskCategory, Long>> weeks = new TreeMap<>();
        Map<String, int[]> score = new HashMap<>();
        Map<String, Map<String, long[]>> reasons = new HashMap<>();
        Map<String, RiskCategory> codeCategory = new HashMap<>();
        for (Object[] row : rows) {
            RiskCategory category = (RiskCategory) row[0];
            RiskEvent.Severity severity = (RiskEvent.Severity) row[1];
            byCategory.merge(category, 1L, Long::sum);
            bySeverity.merge(severity, 1L, Long::sum);
            LocalDate monday = ((Instant) row[4]).atZone(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
            weeks.computeIfAbsent(monday, m -> new EnumMap<>(RiskCategory.class)).merge(category, 1L, Long::sum);
            String seller = (String) row[2];
            if (seller != null) {
                int weight = switch (severity) {
                    case BLOCK -> 10;
                    case REVIEW -> 3;
                    case INFO -> 1;
                };
                int[] s = score.computeIfAbsent(seller, k -> new int[3]);
                boolean undecided = row[5] == null;
                s[0] += undecided ? 2 * weight : weight;
                s[1]++;
                s[2] += undecided ? 1 : 0;
                reasons.computeIfAbsent(seller, k -> new HashMap<>()).computeIfAbsent((String) row[3], k -> new long[1])[0]++;
                codeCategory.put((String) row[3], category);
            }
        }
        List<RiskSummary.Week> trend = weeks.entrySet().stream().map(w -> new RiskSummary.Week(w.getKey(), w.getValue(),
                w.getValue().values().stream().mapToLong(Long::longValue).sum())).toList();
        List<RiskSummary.SellerRisk> riskiest = score.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .limit(sellers)
                .map(e -> new RiskSummary.SellerRisk(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        reasons.get(e.getKey()).entrySet().stream()
                                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> r) -> -r.getValue()[0])
                                        .thenComparing(Map.Entry::getKey))
                                .map(r -> new RiskSummary.Reason(r.getKey(), codeCategory.get(r.getKey()), r.getValue()[0]))
                                .toList()))
                .toList();
        return new RiskSummary(rows.size(), byCategory, bySeverity, trend, riskiest);
    }

    /** Whether a subject had an event of this rule within the period (a scan records a finding at most once a day). */
    public boolean recent(String code, String subjectId, java.time.Duration period) {
        return !em.createQuery("select r.id from RiskEvent r where r.code = :code and r.subjectId = :subject and r.occurredAt >= :since",
                String.class).setParameter("code", code).setParameter("subject", subjectId)
                .setParameter("since", clock.instant().minus(period)).setMaxResults(1).getResultList().isEmpty();
    }

    /** How many events of this rule a seller had within the period up to now. */
    public long count(String sellerId, String code, java.time.Duration period) {
        return em.createQuery("select count(r) from RiskEvent r where r.sellerId = :seller and r.code = :code and r.occurredAt >= :since",
                Long.class).setParameter("seller", sellerId).setParameter("code", code)
                .setParameter("since", clock.instant().minus(period)).getSingleResult();
    }

    /**
     * A person decided a case: its events of this round (recorded since its process started, or not
     * yet decided at all) take the latest decision and who took it. The inbox calls this when a task
     * is completed, in the same transaction; a lead's second approval replaces the officer's first
     * decision, and an earlier round's events keep the decision taken then.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int decided(String subjectType, String subjectId, Instant roundStarted, String decision, String by) {
        return em.createQuery("update RiskEvent r set r.decision = :decision, r.decidedBy = :by, r.decidedAt = :at"
                        + " where r.subjectType = :type and r.subjectId = :id and (r.decision is null or r.occurredAt >= :since)")
                .setParameter("decision", decision).setParameter("by", by).setParameter("at", clock.instant())
                .setParameter("type", subjectType).setParameter("id", subjectId)
                .setParameter("since", roundStarted == null ? clock.instant() : roundStarted).executeUpdate();
    }

    private static void where(StringBuilder jpql, RiskFilter f) {
        if (f.category() != null) {
            jpql.append(" and r.category = :category");
        }
        if (f.severity() != null) {
            jpql.append(" and r.severity = :severity");
        }
        if (f.sellerId() != null) {
            jpql.append(" and r.sellerId = :seller");
        }
        if (f.subjectId() != null) {
            jpql.append(" and r.subjectId = :subject");
        }
        if (f.from() != null) {
            jpql.append(" and r.occurredAt >= :from");
        }
        if (f.to() != null) {
            jpql.append(" and r.occurredAt < :to");
        }
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, RiskFilter f) {
        if (f.category() != null) {
            query.setParameter("category", f.category());
        }
        if (f.severity() != null) {
            query.setParameter("severity", f.severity());
        }
        if (f.sellerId() != null) {
            query.setParameter("seller", f.sellerId());
        }
        if (f.subjectId() != null) {
            query.setParameter("subject", f.subjectId());
        }
        if (f.from() != null) {
            query.setParameter("from", f.from());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to());
        }
        return query;
    }

    /** A seller's latest risk events, newest first (the seller's history on a case). */
    public List<RiskEvent> ofSeller(String sellerId, int max) {
        return em.createQuery("select r from RiskEvent r where r.sellerId = :seller order by r.occurredAt desc, r.id desc",
                RiskEvent.class).setParameter("seller", sellerId).setMaxResults(max).getResultList();
    }
}
