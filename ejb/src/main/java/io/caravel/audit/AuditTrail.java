package io.caravel.audit;

import io.caravel.platform.Caller;
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
 * its audit line commit or roll back together; there is no update or delete. Every entry is evidence
 * for staff; only entries recorded for the seller reach the seller, and then only their message.
 */
@Stateless
public class AuditTrail {

    static final int MAX_TEXT = 4000;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Records, for staff only, that {@code actor} did {@code action} to the subject, with a free-text detail. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, String detail) {
        persist(actor, action, subjectType, subjectId, detail, null, null, false);
    }

    /**
     * Records, for staff only, that {@code actor} did {@code action}: the English detail as evidence (and for the
     * API), the same in {@code words} to show in the reader's language.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, String detail, Detail words) {
        persist(actor, action, subjectType, subjectId, detail, words, null, false);
    }

    /** Records something the seller did to its own case; the seller sees it as written. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordBySeller(String actor, String action, String subjectType, String subjectId, String detail) {
        persist(actor, action, subjectType, subjectId, detail, null, detail == null ? "" : detail, true);
    }

    /** Records something the seller did to its own case, with its detail in words for staff's language too. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordBySeller(String actor, String action, String subjectType, String subjectId, String detail,
                               Detail words) {
        persist(actor, action, subjectType, subjectId, detail, words, detail == null ? "" : detail, true);
    }

    /**
     * Records what staff or the workflow did to a seller's case: staff see the detail, the seller sees
     * only {@code sellerMessage} (never the detail, never who of the staff acted).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordForSeller(String actor, String action, String subjectType, String subjectId, String detail,
                                String sellerMessage) {
        recordForSeller(actor, action, subjectType, subjectId, detail, null, sellerMessage);
    }

    /** As {@link #recordForSeller(String, String, String, String, String, String)}, the detail in words for staff too. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordForSeller(String actor, String action, String subjectType, String subjectId, String detail,
                                Detail words, String sellerMessage) {
        persist(actor, action, subjectType, subjectId, detail, words, sellerMessage == null ? "" : sellerMessage, false);
    }

    /** The whole history of one subject, oldest first (staff). */
    public List<AuditEntry> history(String subjectType, String subjectId) {
        return em.createQuery("select a from AuditEntry a where a.subjectType = :type and a.subjectId = :id"
                        + " order by a.occurredAt, a.id", AuditEntry.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .getResultList();
    }

    /**
     * The history of a case as the caller may see it, oldest first: everything for compliance staff,
     * only the entries recorded for the seller for anyone else (check that the caller may see the
     * case itself first).
     */
    public List<HistoryEntry> history(Caller caller, String subjectType, String subjectId) {
        return caller.isComplianceStaff() ? history(subjectType, subjectId).stream().map(HistoryEntry::of).toList()
                : sellerHistory(subjectType, subjectId);
    }

    /** The history of one subject as its seller sees it: only the entries recorded for the seller, oldest first. */
    List<HistoryEntry> sellerHistory(String subjectType, String subjectId) {
        return em.createQuery("select a from AuditEntry a where a.subjectType = :type and a.subjectId = :id"
                        + " and a.sellerMessage is not null order by a.occurredAt, a.id", AuditEntry.class)
                .setParameter("type", subjectType)
                .setParameter("id", subjectId)
                .getResultStream().map(HistoryEntry::forSeller).toList();
    }

    private void persist(String actor, String action, String subjectType, String subjectId, String detail,
                         Detail words, String sellerMessage, boolean sellerSeesActor) {
        em.persist(new AuditEntry(clock.instant(), actor, action, subjectType, subjectId, cut(detail), words,
                RequestContext.requestId(), cut(sellerMessage), sellerSeesActor));
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
