package io.caravel.screening;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sanctions screening as a service for every workflow: screens a name against every active list
 * (OFAC SDN, the UN Security Council Consolidated List) and names the list and release of each hit.
 *
 * <p>Releases are stored data ({@link SanctionsLists}): an administrator loads a new one, and every
 * node screens against the active release of each list (checked before each screening, so a release
 * loaded on one node is used by all). At start-up a release given by configuration
 * ({@code caravel.screening.ofac-dir}, {@code caravel.screening.un-file}; in demo mode without them, the
 * snapshots bundled with Caravel) is loaded when it was never loaded before, so a folder with newer
 * files and a restart is an update too. Without any list the service is not ready (readiness reports
 * it) and every screening request is refused.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class.getName());

    @Inject
    @ConfigProperty(name = "caravel.screening.ofac-dir")
    private Optional<String> ofacDirectory;

    @Inject
    @ConfigProperty(name = "caravel.screening.un-file")
    private Optional<String> unFile;

    @Inject
    @ConfigProperty(name = "caravel.screening.threshold", defaultValue = "0.88")
    private double threshold;

    @Inject
    @ConfigProperty(name = "caravel.demo.enabled", defaultValue = "false")
    private boolean demo;

    @Inject
    private AuditTrail audit;

    @Inject
    private SanctionsLists lists;

    @Inject
    private Event<ListReleased> releases;

    /** A release parsed and indexed on this node. */
    private record Loaded(String versionId, SanctionsList list, NameScreener screener) {
    }

    /** The lists this node screens against, in the order of {@link ListSource}. */
    private volatile Map<ListSource, Loaded> loaded = Map.of();

    @PostConstruct
    void start() {
        for (ListSource source : ListSource.values()) {
            try {
                configured(source).ifPresent(files -> {
                    // the checksum alone tells a release loaded before: parse the files only for a new one
                    String checksum = SanctionsList.digest(source.files().stream().map(files::get).toArray(byte[][]::new));
                    if (!lists.known(source, checksum)) {
                        released(lists.record(SanctionsList.load(source, files), files, "configuration", id -> parsed(source, id)));
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Cannot load the configured release of the sanctions list " + source.code(), e);
            }
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot load the active sanctions lists", e);
        }
        if (loaded.isEmpty()) {
            LOG.severe("No sanctions list loaded (configure caravel.screening.ofac-dir): screening is unavailable");
        }
    }

    /** The files configuration names for a list, or in demo mode the bundled snapshot. */
    private Optional<Map<String, byte[]>> configured(ListSource source) {
        Optional<String> location = source == ListSource.OFAC_SDN ? ofacDirectory : unFile;
        if (location.isPresent()) {
            Path path = Path.of(location.get());
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String file : source.files()) {
                Path filePath = Files.isDirectory(path) ? path.resolve(file) : path;
                try {
                    files.put(file, Files.readAllBytes(filePath));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + filePath.toAbsolutePath(), e);
                }
            }
            return Optional.of(files);
        }
        if (demo) {
            LOG.warning("Demo mode: screening against the snapshot of " + source.code()
                    + " bundled with Caravel, not the current list");
            return Optional.of(SanctionsList.bundledFiles(source));
        }
        return Optional.empty();
    }

    /** Parses and indexes the active release of each list where this node has another one. */
    private Map<ListSource, Loaded> refresh() {
        Map<ListSource, String> active = lists.activeVersionIds(); // outside the lock: screenings never wait on each other's query
        if (same(active, loaded)) {
            return loaded;
        }
        synchronized (this) {
            Map<ListSource, Loaded> current = loaded;
            if (same(active, current)) {
                return current;
            }
            Map<ListSource, Loaded> next = new EnumMap<>(ListSource.class);
            active.forEach((source, versionId) -> {
                Loaded have = current.get(source);
                next.put(source, have != null && have.versionId().equals(versionId) ? have : parse(source, versionId));
            });
            loaded = Collections.unmodifiableMap(next);
            return loaded;
        }
    }

    private static boolean same(Map<ListSource, String> active, Map<ListSource, Loaded> current) {
        return active.size() == current.size() && active.entrySet().stream()
                .allMatch(e -> current.containsKey(e.getKey()) && current.get(e.getKey()).versionId().equals(e.getValue()));
    }

    private Loaded parse(ListSource source, String versionId) {
        long start = System.nanoTime();
        SanctionsList list = SanctionsList.load(source, lists.files(versionId));
        Loaded result = new Loaded(versionId, list, new NameScreener(list));
        LOG.info(() -> String.format("Sanctions list %s active: %d entries in %d ms", list.version(), list.size(),
                (System.nanoTime() - start) / 1_000_000));
        return result;
    }

    private SanctionsList parsed(ListSource source, String versionId) {
        Loaded have = loaded.get(source);
        return have != null && have.versionId().equals(versionId) ? have.list()
                : SanctionsList.load(source, lists.files(versionId));
    }

    /** Whether at least one list is loaded. */
    public boolean isReady() {
        return !loaded.isEmpty();
    }

    /** Screens one name against every active list; hits at or above the configured threshold, best first. */
    public ScreeningResult screen(String name, PartyType type) {
        return screen(name, type, Identifiers.NONE);
    }

    /**
     * Screens one name against every active list and compares the party's identifiers with each hit's
     * entry ({@link IdentifierCheck}): hits whose score, raised or lowered by them, reaches the threshold,
     * and hits on the name alone that they lowered below it (marked {@code discounted}, with the reason),
     * best first.
     */
    public ScreeningResult screen(String name, PartyType type, Identifiers identifiers) {
        Map<ListSource, Loaded> current = isReady() ? refreshQuietly() : refresh();
        if (current.isEmpty()) {
            throw new CaravelException(ProblemType.UNAVAILABLE, "error.screening.unavailable");
        }
        Identifiers known = identifiers == null ? Identifiers.NONE : identifiers;
        // a date of birth and nationality can raise a name a little below the threshold over it
        double floor = known.isEmpty() ? threshold
                : Math.max(0, threshold - IdentifierCheck.DOB_SAME - IdentifierCheck.NATIONALITY_SAME);
        List<ScreeningHit> hits = new ArrayList<>();
        try {
            for (Loaded list : current.values()) {
                for (ScreeningHit hit : list.screener().screen(name, type, floor, NameScreener.DEFAULT_LIMIT)) {
                    ScreeningHit adjusted = list.list().entry(hit.entNum())
                            .map(entry -> hit.adjusted(IdentifierCheck.adjustments(known, entry), threshold)).orElse(hit);
                    if (adjusted.finalScore() >= threshold || hit.score() >= threshold) {
                        hits.add(adjusted);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("name", "error.screening.name");
        }
        hits.sort(Comparator.comparing(ScreeningHit::discounted).thenComparing(Comparator.comparingDouble(ScreeningHit::finalScore).reversed()));
        String versions = current.values().stream().map(l -> l.list().version()).collect(Collectors.joining("+"));
        return new ScreeningResult(name, type, versions, threshold,
                hits.subList(0, Math.min(hits.size(), NameScreener.DEFAULT_LIMIT)));
    }

    /** The lists as this node has them; a database that cannot answer leaves the lists loaded last in use. */
    private Map<ListSource, Loaded> refreshQuietly() {
        try {
            return refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot check for a new sanctions list release; screening against the one loaded", e);
            return loaded;
        }
    }

    /** A screening an officer asked for by hand; recorded in the audit trail with its outcome. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ScreeningResult manualCheck(String name, PartyType type, Identifiers identifiers, Caller caller) {
        ScreeningResult result = screen(name, type, identifiers);
        audit.record(caller.username(), "SCREENING_CHECK", "screening", result.listVersion(),
                "name=" + name + ", type=" + type + ", hits=" + result.hits().size()
                        + (result.hits().isEmpty() ? "" : ", top=" + result.hits().get(0).list().code() + "/"
                        + result.hits().get(0).entNum() + "@" + result.hits().get(0).score()));
        return result;
    }

    /**
     * Loads a new release of a list from its files as published (all or nothing) and makes it the active
     * one: a malformed or incomplete release is refused with the file and line named, and changes nothing.
     */
    public SanctionsLists.Recorded load(ListSource source, Map<String, byte[]> files, Caller caller) {
        SanctionsList list;
        try {
            list = SanctionsList.load(source, files);
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("file", "error.sanctions.file", e.getMessage());
        }
        SanctionsLists.Recorded recorded = lists.record(list, files, caller.username(), id -> parsed(source, id));
        synchronized (this) {
            Map<ListSource, Loaded> next = new EnumMap<>(ListSource.class);
            next.putAll(loaded);
            next.put(source, new Loaded(recorded.version().id(), list, new NameScreener(list)));
            loaded = Collections.unmodifiableMap(next);
        }
        released(recorded);
        return recorded;
    }

    /** Tells whoever screens that a new release is active (the first release of a list too: every entry in it is new). */
    private void released(SanctionsLists.Recorded recorded) {
        SanctionsLists.VersionView version = recorded.version();
        if (recorded.created()) {
            releases.fire(new ListReleased(version.list(), version.id(), version.version(), version.previousVersionId()));
        }
    }

    /** The release of each list this node screens against. */
    public Map<ListSource, String> activeVersions() {
        Map<ListSource, String> versions = new EnumMap<>(ListSource.class);
        refreshQuietly().forEach((source, l) -> versions.put(source, l.list().version()));
        return versions;
    }

    /** The list entry behind a hit, for showing it side by side with the screened party. */
    public Optional<SanctionsEntry> entry(ListSource source, long entNum) {
        Loaded current = loaded.get(source);
        return current == null ? Optional.empty() : current.list().entry(entNum);
    }

    /** A listed entry's dates of birth and nationalities as the list writes them (to set beside a screened party's), or "". */
    public String listedIdentifiers(ListSource source, long entNum) {
        return entry(source, entNum).map(e -> String.join("; ", java.util.stream.Stream.concat(e.datesOfBirth().stream(),
                e.nationalities().stream()).toList())).orElse("");
    }
}
