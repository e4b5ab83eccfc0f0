package io.caravel.screening;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Remembered verdicts on hits: a hit cleared as a false positive for a seller's name (or a buyer's
 * consignee) does not alert again while the list entry stays as it was when cleared.
 */
@Stateless
public class ScreeningClearances {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ScreeningService screening;

    private final Clock clock = Clock.systemUTC();

    /** Remembers a hit on an entry (as the active release writes it) as not this subject's name; once per entry version. */
    public void clear(ScreeningSubject subject, String subjectId, String screenedName, ListSource list, long entNum, String reason,
                      String by) {
        clear(subject, subjectId, screenedName, list, entNum, screening.entry(list, entNum).map(SanctionsEntry::fingerprint).orElse(""),
                reason, by);
    }

    /** Remembers a hit on an entry as it was written when found ({@link SanctionsEntry#fingerprint}) as not this subject's name. */
    public void clear(ScreeningSubject subject, String subjectId, String screenedName, ListSource list, long entNum,
                      String fingerprint, String reason, String by) {
        String key = key(screenedName);
        if (find(subject, subjectId, key, list, entNum, fingerprint).isEmpty()) {
            em.persist(new ScreeningClearance(subject, subjectId, key, list, entNum, fingerprint, reason, by, clock.instant()));
        }
    }

    /** The clearance of a hit on this entry as it is written now, if an officer gave one. */
    public Optional<ScreeningClearance> cleared(ScreeningSubject subject, String subjectId, String screenedName, ListSource list,
                                                SanctionsEntry entry) {
        return find(subject, subjectId, key(screenedName), list, entry.entNum(), entry.fingerprint());
    }

    private Optional<ScreeningClearance> find(ScreeningSubject subject, String subjectId, String key, ListSource list, long entNum,
                                              String fingerprint) {
        return em.createQuery("select c from ScreeningClearance c where c.subjectType = :t and c.subjectId = :s and c.nameKey = :k"
                        + " and c.list = :l and c.entNum = :e and c.fingerprint = :f", ScreeningClearance.class)
                .setParameter("t", subject).setParameter("s", subjectId).setParameter("k", key).setParameter("l", list).setParameter("e", entNum)
                .setParameter("f", fingerprint).setMaxResults(1).getResultStream().findFirst();
    }

    /** Names are remembered as screening compares them: case, accents, punctuation and word order do not matter. */
    private static String key(String name) {
        String key = NameNormalizer.normalize(name);
        return key.length() > 300 ? key.substring(0, 300) : key;
    }
}
