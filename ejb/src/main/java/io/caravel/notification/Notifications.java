package io.caravel.notification;

import io.caravel.platform.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Messages to sellers, written in the transaction of the step that causes them and read in the
 * seller portal and API. (An e-mail or webhook sender would read the same rows.)
 */
@Stateless
public class Notifications {

    public static final int RECENT = 20;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Tells a seller something about a case; {@code kind} is a stable code such as INFORMATION_REQUESTED. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void notify(String sellerId, String subjectId, String kind, String detail) {
        em.persist(new SellerNotification(sellerId, subjectId, kind,
                detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000), clock.instant()));
    }

    /** The caller's seller's latest messages, newest first; none for callers who act for no seller. */
    public List<NotificationView> recent(Caller caller) {
        if (caller.sellerId() == null) {
            return List.of();
        }
        return em.createQuery("select n from SellerNotification n where n.sellerId = :seller"
                        + " order by n.createdAt desc, n.id", SellerNotification.class)
                .setParameter("seller", caller.sellerId())
                .setMaxResults(RECENT)
                .getResultStream()
                .map(n -> new NotificationView(n.id(), n.subjectId(), n.kind(), n.detail(), n.createdAt()))
                .toList();
    }

    /** A message as the seller sees it. */
    public record NotificationView(String id, String subjectId, String kind, String detail, Instant createdAt) {
    }
}
