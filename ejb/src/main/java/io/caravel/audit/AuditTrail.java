package io.caravel.audit;

import io.caravel.platform.RequestContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * The append-only audit trail. Entries are written in the caller's transaction, so an action and
 * its audit line commit or roll back together; there is no update or delete.
 */
@Stateless
public class AuditTrail {

    static final int MAX_DETAIL = 4000;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Records that {@code actor} did {@code action} to the subject, with a free-text detail. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, String detail) {
        String text = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        em.persist(new AuditEntry(clock.instant(), actor, action, subjectType, subjectId, text,
                RequestContext.requestId()));
    }

    /** The history of one subject, oldest first. */
    public List<AuditEntry> history(String subjectType, String subjectId) {
        return em.createQuery("select a from AuditEntry a where a.subjectType = :type and a.subjectId = :id"
                        + " order by a.occurredAt, a.id", AuditEntry.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .getResultList();
    }
}
