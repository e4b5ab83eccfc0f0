package io.caravel.screening;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The releases of each sanctions list as stored data: which one is active, their files (so every node
 * of a cluster screens against the same release, and a restart against the one last loaded), and what
 * each changed against the release before. Parsing and screening are {@link ScreeningService}'s.
 */
@Stateless
public class SanctionsLists {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A release as the API and pages show it. */
    @Schema(name = "SanctionsListVersion")
    public record VersionView(String id, ListSource list, String version, String checksum, int entries, Instant published,
                              Instant loadedAt, String loadedBy, boolean active, String previousVersionId, int added,
                              int removed, int changed) {
    }

    /** An entry a release added, removed or changed. */
    public record ChangeView(long entNum, ChangeKind change, String name, PartyType partyType) {
    }

    /** The release recorded, and whether it is new (false: it was the active release already). */
    public record Recorded(VersionView version, boolean created) {
    }

    /** The active release of each list that has one. */
    public Map<ListSource, String> activeVersionIds() {
        Map<ListSource, String> ids = new EnumMap<>(ListSource.class);
        for (ListPointer pointer : em.createQuery("select p from SanctionsListPointer p", ListPointer.class).getResultList()) {
            if (pointer.activeVersionId() != null) {
                ids.put(pointer.source(), pointer.activeVersionId());
            }
        }
        return ids;
    }

    /** Whether a release with these files (by checksum) was ever loaded for the list. */
    public boolean known(ListSource source, String checksum) {
        return em.createQuery("select count(v) from SanctionsListVersion v where v.source = :s and v.checksum = :c", Long.class)
                .setParameter("s", source).setParameter("c", checksum).getSingleResult() > 0;
    }

    /** The files of a release, by name. */
    public Map<String, byte[]> files(String versionId) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        em.createQuery("select f from SanctionsListFile f where f.versionId = :v", ListFile.class)
                .setParameter("v", versionId).getResultList().forEach(f -> files.put(f.fileName(), f.content()));
        return files;
    }

    /**
     * Makes a parsed release the list's active one, with its files and its delta against the release
     * active until now ({@code loaded} gives that one's parsed list by version id), in one transaction
     * under the list's row lock, so two loads of a list never interleave. The active release loaded
     * again is not a new version.
     */
    public Recorded record(SanctionsList list, Map<String, byte[]> files, String by, Function<String, SanctionsList> loaded) {
        ListPointer pointer = em.find(ListPointer.class, list.source(), LockModeType.PESSIMISTIC_WRITE);
        String activeId = pointer.activeVersionId();
        ListVersion active = activeId == null ? null : em.find(ListVersion.class, activeId);
        if (active != null && active.checksum().equals(list.checksum())) {
            return new Recorded(view(active, activeId), false);
        }
        SanctionsList.Delta delta = list.since(active == null ? null : loaded.apply(activeId));
        int releaseNo = em.createQuery("select coalesce(max(v.releaseNo), 0) from SanctionsListVersion v where v.source = :s",
                Integer.class).setParameter("s", list.source()).getSingleResult() + 1;
        ListVersion version = new ListVersion(list, delta, activeId, releaseNo, by, clock.instant());
        em.persist(version);
        for (String file : list.source().files()) {
            em.persist(new ListFile(version.id(), file, files.get(file)));
        }
        delta.added().forEach(e -> em.persist(new ListChange(version.id(), e, ChangeKind.ADDED)));
        delta.removed().forEach(e -> em.persist(new ListChange(version.id(), e, ChangeKind.REMOVED)));
        delta.changed().forEach(e -> em.persist(new ListChange(version.id(), e, ChangeKind.CHANGED)));
        pointer.activate(version.id());
        audit.record(by, "SANCTIONS_LIST_LOADED", "sanctions-list", version.id(), list.version() + " added="
                + version.added() + " removed=" + version.removed() + " changed=" + version.changed());
        return new Recorded(view(version, version.id()), true);
    }

    /** The entries a release added or changed: what a seller screened against the release before may newly match. */
    public java.util.Set<Long> addedOrChanged(String versionId) {
        return new java.util.HashSet<>(em.createQuery("select c.entNum from SanctionsListChange c where c.versionId = :v"
                        + " and c.kind <> :removed", Long.class)
                .setParameter("v", versionId).setParameter("removed", ChangeKind.REMOVED).getResultList());
    }

    /** A list's releases, the last loaded first. */
    public Page<VersionView> versions(ListSource source, PageRequest page) {
        String activeId = em.find(ListPointer.class, source).activeVersionId();
        Integer before = page.after() == null ? null : releaseCursor(page.after());
        TypedQuery<ListVersion> query = em.createQuery("select v from SanctionsListVersion v where v.source = :s"
                + (before == null ? "" : " and v.releaseNo < :before") + " order by v.releaseNo desc", ListVersion.class)
                .setParameter("s", source);
        if (before != null) {
            query.setParameter("before", before);
        }
        List<ListVersion> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<VersionView> items = rows.stream().limit(page.limit()).map(v -> view(v, activeId)).toList();
        String next = rows.size() > page.limit()
                ? PageRequest.cursorAfter(Integer.toString(rows.get(page.limit() - 1).releaseNo())) : null;
        return new Page<>(items, next);
    }

    private static int releaseCursor(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw CaravelException.invalid("cursor", "error.cursor");
        }
    }

    /** One release of a list. */
    public VersionView version(ListSource source, String versionId) {
        ListVersion version = em.find(ListVersion.class, versionId);
        if (version == null || version.source() != source) {
            throw CaravelException.notFound("sanctions list version", versionId);
        }
        return view(version, em.find(ListPointer.class, source).activeVersionId());
    }

    /** What a release added, removed or changed (optionally only one kind), by entry number. */
    public Page<ChangeView> changes(ListSource source, String versionId, ChangeKind kind, PageRequest page) {
        version(source, versionId);
        long after;
        try {
            after = page.after() == null ? Long.MIN_VALUE : Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw CaravelException.invalid("cursor", "error.cursor");
        }
        TypedQuery<ListChange> query = em.createQuery("select c from SanctionsListChange c where c.versionId = :v"
                        + " and c.entNum > :after" + (kind == null ? "" : " and c.kind = :k") + " order by c.entNum", ListChange.class)
                .setParameter("v", versionId).setParameter("after", after);
        if (kind != null) {
            query.setParameter("k", kind);
        }
        List<ListChange> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<ChangeView> items = rows.stream().limit(page.limit())
                .map(c -> new ChangeView(c.entNum(), c.kind(), c.name(), c.type())).toList();
        String next = rows.size() > page.limit() ? PageRequest.cursorAfter(Long.toString(rows.get(page.limit() - 1).entNum())) : null;
        return new Page<>(items, next);
    }

    private static VersionView view(ListVersion v, String activeId) {
        return new VersionView(v.id(), v.source(), v.version(), v.checksum(), v.entries(), v.published(), v.loadedAt(),
                v.loadedBy(), v.id().equals(activeId), v.previousId(), v.added(), v.removed(), v.changed());
    }
}
