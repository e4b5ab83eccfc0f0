package io.caravel.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Database;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The catalog's search index, one per node, on Lucene. The database stays the source of truth:
 * every change of the published catalog is a {@link CatalogChange} row, and the index applies the
 * changes after the last one it applied — as the transaction that made them commits on this node
 * (searches meanwhile wait for it), and every second for changes other nodes made. A change whose sequence number is still
 * missing (its transaction has not committed yet) is waited for up to a minute before it is taken
 * as rolled back, so a slow transaction is not skipped. Each commit of the index records the last
 * change in it and the database it was made from; on start-up an index that is missing, of another
 * layout, made from another database, ahead of the database or holding another number of products
 * than it after catching up is rebuilt from the database.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogIndex {

    private static final Logger LOG = Logger.getLogger(CatalogIndex.class.getName());
    /**
     * The layout of the documents; an index written with another is rebuilt. 3: the segments are kept
     * sorted newest first, so a newest-first page stops after its own documents instead of visiting
     * every match (browsing a category of 25,000 products).
     */
    static final String LAYOUT = "3";
    /** Newest first, then by id: the order of the documents in the index and of the "newest" sort. */
    private static final Sort NEWEST = new Sort(new SortField(CatalogDocuments.PUBLISHED, SortField.Type.LONG, true),
            new SortField(CatalogDocuments.ID, SortField.Type.STRING, true));
    static final String LAYOUT_KEY = "layout";
    static final String APPLIED_KEY = "appliedChange";
    /** The database the index was made from ({@link Database#id()}): an index meeting another is rebuilt. */
    static final String DATABASE_KEY = "database";
    private static final int BATCH = 1000;
    private static final Duration GAP_WAIT = Duration.ofMinutes(1);
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(2);
    /** How long a search's pages come from the index as it was at its first page. */
    private static final Duration SNAPSHOT_KEPT = Duration.ofMinutes(10);
    private static final int FACET_VALUES = 20;
    private static final int FACET_CACHE = 2_000;
    /** How many of the best products for a search's words are kept (12 bytes each) for other filters on them... */
    private static final int BEST_FOR_WORDS = 1_000;
    /** ... for how many searches (at most 6 MB). */
    private static final int WORD_SEARCHES = 500;
    /** Lower edges of the price bands, in the query's currency; the last band has no upper edge. */
    private static final int[] PRICE_BANDS = {0, 10, 25, 50, 100, 250, 500};

    @Inject
    private CatalogFeed feed;

    @Inject
    private Database database;

    @Inject
    @ConfigProperty(name = "caravel.data.dir", defaultValue = "./data")
    private String dataDir;

    @Inject
    @ConfigProperty(name = "caravel.search.index-dir")
    private Optional<String> indexDir;

    /** How many pages of searches are kept (the most asked, until the index changes); 0 keeps none. */
    @Inject
    @ConfigProperty(name = "caravel.search.page-cache", defaultValue = "2000")
    private int pageCache;

    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock following = new ReentrantLock();
    private final AtomicInteger committing = new AtomicInteger();
    /** Searchers of earlier versions of the index, for the next pages of a search begun on them. */
    private final SearcherLifetimeManager snapshots = new SearcherLifetimeManager();
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** Guarded by {@link #following}: the last change applied with none missing before it. */
    private long applied;
    private Instant gapSince;
    private boolean uncommitted;
    private volatile boolean ready;
    private volatile FacetState facetState;
    private volatile Currencies currencies;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    /**
     * The facet counts of a query on one version of the index: counting visits every match, so they
     * are kept until the index changes (a new version is a new key) or others push them out.
     */
    private record FacetKey(long indexVersion, String query, String rates) {
    }

    private record FacetCounts(long total, Map<String, List<CatalogHits.FacetCount>> counts) {
    }

    private final Cache<FacetKey, FacetCounts> facetCounts = Caffeine.newBuilder().maximumSize(FACET_CACHE).build();

    /**
     * A page of a search on one version of the index: the same question on the same version has the same answer
     * (a search engine's result cache). The products' ids only: stock and prices are read for every answer.
     */
    private record PageKey(long indexVersion, CatalogQuery query, Map<String, BigDecimal> factors, CatalogSort sort,
                           String cursor, int limit) {
    }

    private Cache<PageKey, CatalogHits<String>> pages;

    /** The best products of recent word searches, for the same words with other filters. */
    private final BestForWords bestForWords = new BestForWords(BEST_FOR_WORDS, WORD_SEARCHES);

    @PostConstruct
    void open() {
        long start = System.nanoTime();
        pages = Caffeine.newBuilder().maximumSize(Math.max(0, pageCache)).build();
        try {
            directory = directory();
            // an index of another layout may be sorted otherwise, which a writer cannot change: it starts empty
            String layout = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData().get(LAYOUT_KEY) : LAYOUT;
            writer = new IndexWriter(directory, new IndexWriterConfig(CatalogDocuments.analyzer()).setIndexSort(NEWEST)
                    .setOpenMode(LAYOUT.equals(layout) ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                            : IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, null);
            following.lock();
            try {
                String rebuild = LAYOUT.equals(layout) ? catchUpOrRebuild() : rebuildWholly("layout " + layout + ", now " + LAYOUT);
                commit();
                long took = (System.nanoTime() - start) / 1_000_000;
                LOG.info(() -> String.format("Catalog search index ready: %d products, %s, in %d ms", documents(),
                        rebuild == null ? "caught up to change " + applied : "rebuilt (" + rebuild + ")", took));
            } finally {
                following.unlock();
            }
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException("the catalog search index cannot be opened", e);
        }
    }

    private Directory directory() throws IOException {
        Path path = Path.of(indexDir.filter(d -> !d.isBlank()).orElse(dataDir + "/search/catalog"));
        FSDirectory onDisk = FSDirectory.open(path);
        try {
            onDisk.obtainLock(IndexWriter.WRITE_LOCK_NAME).close();
            return onDisk;
        } catch (LockObtainFailedException e) {
            onDisk.close();
            LOG.warning(() -> "Another Caravel process writes the search index in " + path.toAbsolutePath()
                    + "; this one keeps its catalog index in memory (give each node its own caravel.data.dir or"
                    + " caravel.search.index-dir)");
            return new ByteBuffersDirectory();
        }
    }

    private String rebuildWholly(String reason) throws IOException {
        rebuild();
        return reason;
    }

    /** Why the index was rebuilt, or null when it was caught up. */
    private String catchUpOrRebuild() throws IOException {
        Map<String, String> committed = new LinkedHashMap<>();
        if (DirectoryReader.indexExists(directory)) {
            writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
        }
        String reason = reasonToRebuild(committed, database.id(), feed.lastChange());
        if (reason == null) {
            applied = Long.parseLong(committed.get(APPLIED_KEY));
            catchUp();
            long published = feed.count();
            if (documents() == published) {
                return null;
            }
            reason = documents() + " products in it, " + published + " published";
        }
        rebuild();
        return reason;
    }

    /**
     * Why an index whose last commit recorded {@code committed} cannot be caught up with the database
     * {@code databaseId} whose newest change is {@code lastChange}, or null when it can.
     */
    static String reasonToRebuild(Map<String, String> committed, String databaseId, long lastChange) {
        if (committed.isEmpty()) {
            return "there was none";
        }
        if (!LAYOUT.equals(committed.get(LAYOUT_KEY))) {
            return "layout " + committed.get(LAYOUT_KEY) + ", now " + LAYOUT;
        }
        if (!databaseId.equals(committed.get(DATABASE_KEY))) {
            return "it was made from another database";
        }
        if (Long.parseLong(committed.get(APPLIED_KEY)) > lastChange) {
            return "it is ahead of the database";
        }
        return null;
    }

    /** Replaces the whole index with the published catalog as the database has it now. */
    private void rebuild() throws IOException {
        long upTo = feed.lastChange();
        writer.deleteAll();
        String after = null;
        for (List<CatalogProduct> batch = feed.productsAfter(null, BATCH); !batch.isEmpty();
             batch = feed.productsAfter(after, BATCH)) {
            for (CatalogProduct product : batch) {
                writer.addDocument(CatalogDocuments.of(product));
            }
            after = batch.get(batch.size() - 1).id();
        }
        applied = upTo;
        gapSince = null;
        uncommitted = true;
        catchUp();
        searchers.maybeRefreshBlocking();
    }

    /** A transaction that changed the catalog is about to commit: searches wait for it (see {@link #completed}). */
    public void committing() {
        committing.incrementAndGet();
    }

    /** That transaction ended; committed, its changes are searchable here when this returns. */
    public void completed(boolean committed) {
        try {
            if (committed && ready) {
                following.lock();
                try {
                    catchUp();
                } finally {
                    following.unlock();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The catalog search index could not take a change now; it retries within seconds", e);
        } finally {
            committing.decrementAndGet();
        }
    }

    /**
     * While a transaction of this node that changed the catalog commits, a search first catches up
     * (waiting up to {@link #COMMIT_WAIT} for the lock), so a change seen committed is found.
     */
    private void awaitCommitting() {
        if (committing.get() == 0) {
            return;
        }
        try {
            if (following.tryLock(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    catchUp();
                } finally {
                    following.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every second: changes other nodes made, and a commit of what was applied since the last. */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void follow() {
        if (!ready || !following.tryLock()) {
            return;
        }
        try {
            catchUp();
            if (uncommitted) {
                commit();
            }
            snapshots.prune(new SearcherLifetimeManager.PruneByAge(SNAPSHOT_KEPT.toSeconds()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The catalog search index could not follow the catalog; it retries", e);
        } finally {
            following.unlock();
        }
    }

    private void catchUp() throws IOException {
        boolean changed = false;
        while (true) {
            List<CatalogChange> changes = feed.changesAfter(applied, BATCH);
            if (changes.isEmpty()) {
                break;
            }
            apply(changes.stream().map(CatalogChange::productId).collect(Collectors.toCollection(LinkedHashSet::new)));
            changed = true;
            long before = applied;
            advance(changes);
            if (changes.size() < BATCH || applied == before) {
                break;
            }
        }
        if (changed) {
            searchers.maybeRefreshBlocking();
        }
    }

    private void apply(Set<String> productIds) throws IOException {
        Map<String, CatalogProduct> published = feed.products(productIds).stream()
                .collect(Collectors.toMap(CatalogProduct::id, Function.identity()));
        for (String id : productIds) {
            CatalogProduct product = published.get(id);
            if (product == null) {
                writer.deleteDocuments(new Term(CatalogDocuments.ID, id));
            } else {
                writer.updateDocument(new Term(CatalogDocuments.ID, id), CatalogDocuments.of(product));
            }
        }
        uncommitted = true;
    }

    /**
     * Moves past the changes read, up to the first missing sequence number; past that too once it
     * has been missing for {@link #GAP_WAIT} (its transaction rolled back). Until then the changes
     * after it are read and applied again (applying one twice does no harm).
     */
    private void advance(List<CatalogChange> changes) {
        long next = applied + 1;
        boolean gap = false;
        for (CatalogChange change : changes) {
            if (change.seq() == next) {
                next++;
            } else {
                gap = true;
                break;
            }
        }
        if (!gap) {
            gapSince = null;
            applied = next - 1;
        } else if (gapSince == null) {
            gapSince = clock.instant();
            applied = next - 1;
        } else if (Duration.between(gapSince, clock.instant()).compareTo(GAP_WAIT) > 0) {
            LOG.fine(() -> "catalog change " + (applied + 1) + " never committed; skipped");
            gapSince = null;
            applied = next; // the missing one; the rest are read again from there
        } else {
            applied = next - 1;
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(LAYOUT_KEY, LAYOUT, DATABASE_KEY, database.id(),
                APPLIED_KEY, Long.toString(applied)).entrySet());
        writer.commit();
        uncommitted = false;
    }

    /** Whether the index is open and caught up with the database as of start-up. */
    public boolean isReady() {
        return ready;
    }

    /** How many products the index serves. */
    public int documents() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests and operations: forgets the index and rebuilds it from the database. */
    public void rebuildNow() {
        following.lock();
        try {
            rebuild();
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            following.unlock();
        }
    }

    /**
     * The ids of one page of products matching {@code query}, in its order. {@code toQueryCurrency}
     * holds, per product currency, the factor into the query's currency (price filters, price sort,
     * price bands); products in a currency without one drop out of anything about price.
     */
    public CatalogHits<String> search(CatalogQuery query, Map<String, BigDecimal> toQueryCurrency, PageRequest page) {
        if (!ready) {
            throw new CaravelException(ProblemType.UNAVAILABLE, "error.catalog.index-starting");
        }
        CatalogDocuments.checkLength(query.q());
        boolean words = CatalogDocuments.hasWords(query.q());
        CatalogSort sort = query.sort() == null || query.sort() == CatalogSort.RELEVANCE
                ? (words ? CatalogSort.RELEVANCE : CatalogSort.NEWEST) : query.sort();
        awaitCommitting();
        Cursor after = page.after() == null ? null : cursor(sort, page.after());
        try {
            IndexSearcher current = searchers.acquire();
            IndexSearcher snapshot = null;
            try {
                long version = snapshots.record(current);
                if (after != null && after.version() != version) {
                    // the next page of the catalog as it was when the first page was read (kept for a while),
                    // so products published or rescored since neither repeat nor push others out of the pages
                    snapshot = snapshots.acquire(after.version());
                }
                IndexSearcher searcher = snapshot != null ? snapshot : current;
                // only the currencies products are priced in: a price filter or order then has a clause per currency
                // the catalog uses, not per currency with a rate
                Map<String, BigDecimal> factors = inCatalog(searcher.getIndexReader(), toQueryCurrency);
                long used = snapshot != null ? after.version() : version;
                // the same page of the same version of the index asked again (a popular search) is answered from memory
                PageKey key = new PageKey(used, query, factors, sort, page.after(), page.limit());
                CatalogHits<String> known = pages.getIfPresent(key);
                if (known == null) {
                    known = page(searcher, query, factors, sort, after, used, page);
                    pages.put(key, known);
                }
                return known;
            } finally {
                if (snapshot != null) {
                    snapshots.release(snapshot);
                }
                searchers.release(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page of a search on one version of the index ({@code used}), computed. */
    private CatalogHits<String> page(IndexSearcher searcher, CatalogQuery query, Map<String, BigDecimal> factors,
                                     CatalogSort sort, Cursor after, long used, PageRequest page) throws IOException {
        Query words = CatalogDocuments.words(query.q(), searcher.getIndexReader());
        Query lucene = CatalogDocuments.query(words, query, factors);
        // by relevance: score, then the document (stable within the snapshot the pages come from), so
        // Lucene can skip documents that cannot make the page; other orders end in the unique id
        boolean byScore = sort == CatalogSort.RELEVANCE;
        ScoreDoc position = null;
        if (after != null) {
            int maxDoc = searcher.getIndexReader().maxDoc();
            if (maxDoc == 0) {
                return new CatalogHits<>(List.of(), null, query.facets() ? 0L : null, null);
            }
            // a doc number past every document leaves out the cursor's own product, whatever its number is now
            position = byScore ? new ScoreDoc(Math.min(after.doc(), maxDoc - 1), after.score())
                    : new FieldDoc(maxDoc - 1, Float.NaN, after.values());
        }
        FacetKey facetKey = query.facets() ? new FacetKey(used, lucene.toString(), factors.toString()) : null;
        FacetCounts counted = facetKey == null ? null : facetCounts.getIfPresent(facetKey);
        FacetsCollector facets = facetKey != null && counted == null ? new FacetsCollector() : null;
        int wanted = page.limit() + 1;
        List<String> ids = new ArrayList<>();
        String next = null;
        if (sort == CatalogSort.PRICE_ASC || sort == CatalogSort.PRICE_DESC) {
            if (facets != null) {
                searcher.search(lucene, facets);
            }
            List<PriceOrder.Hit> hits = new PriceOrder(factors, sort == CatalogSort.PRICE_DESC).page(searcher,
                    lucene, after == null ? null : new PriceOrder.Hit((Double) after.values()[0],
                            ((BytesRef) after.values()[1]).utf8ToString()), wanted);
            hits.stream().limit(page.limit()).forEach(hit -> ids.add(hit.id()));
            if (hits.size() > page.limit()) {
                PriceOrder.Hit last = hits.get(page.limit() - 1);
                next = PageRequest.cursorAfter(sort.value() + "|" + used + "|"
                        + Long.toHexString(Double.doubleToLongBits(last.price())) + "|" + last.id());
            }
        } else {
            // no exact total wanted (facets count it): Lucene may skip as soon as the page is full
            TopDocs top;
            // a first page by relevance without counts: from the best products for the words, when they hold it
            ScoreDoc[] best = byScore && facets == null && after == null && words != null
                    ? bestForWords.first(searcher, used, query.q(), words, CatalogDocuments.filters(query, factors), wanted)
                    : null;
            if (best != null) {
                top = new TopDocs(new TotalHits(best.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), best);
            } else if (byScore) {
                top = facets == null ? searcher.search(lucene, new TopScoreDocCollectorManager(wanted, position, wanted))
                        : FacetsCollector.searchAfter(searcher, position, lucene, wanted, facets);
            } else {
                top = facets == null ? searcher.search(lucene, new TopFieldCollectorManager(NEWEST, wanted,
                        (FieldDoc) position, wanted)) : FacetsCollector.searchAfter(searcher, position, lucene, wanted,
                        NEWEST, facets);
            }
            for (int i = 0; i < top.scoreDocs.length && i < page.limit(); i++) {
                ScoreDoc hit = top.scoreDocs[i];
                ids.add(byScore ? idOf(searcher, hit.doc) : id((FieldDoc) hit));
            }
            if (top.scoreDocs.length > page.limit()) {
                ScoreDoc last = top.scoreDocs[page.limit() - 1];
                next = byScore ? PageRequest.cursorAfter(sort.value() + "|" + used + "|"
                        + Integer.toHexString(Float.floatToIntBits(last.score)) + "|" + last.doc)
                        : cursorAfter(sort, used, (FieldDoc) last);
            }
        }
        if (facetKey == null) {
            return new CatalogHits<>(ids, next, null, null);
        }
        if (counted == null) {
            counted = new FacetCounts(facets.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum(),
                    counts(searcher, facets, factors));
            facetCounts.put(facetKey, counted);
        }
        return new CatalogHits<>(ids, next, counted.total(), counted.counts());
    }

    /** The factors of the currencies products of this reader are priced in, in currency order. */
    private Map<String, BigDecimal> inCatalog(IndexReader reader, Map<String, BigDecimal> toQueryCurrency) throws IOException {
        Currencies known = currencies;
        if (known == null || known.reader() != reader) {
            Set<String> codes = new TreeSet<>();
            Terms terms = MultiTerms.getTerms(reader, CatalogDocuments.CURRENCY);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef code = each.next(); code != null; code = each.next()) {
                    codes.add(code.utf8ToString());
                }
            }
            known = new Currencies(reader, codes);
            currencies = known;
        }
        Map<String, BigDecimal> factors = new TreeMap<>();
        for (String code : known.codes()) {
            BigDecimal factor = toQueryCurrency.get(code);
            if (factor != null) {
                factors.put(code, factor);
            }
        }
        return factors;
    }

    /** The currencies of the products of one reader (the last one asked about). */
    private record Currencies(IndexReader reader, Set<String> codes) {
    }

    private static String id(FieldDoc hit) {
        return ((BytesRef) hit.fields[hit.fields.length - 1]).utf8ToString();
    }

    /** The product id of a document of the searcher's reader. */
    private static String idOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues ids = DocValues.getSorted(leaf.reader(), CatalogDocuments.ID);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no product id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    /**
     * Where the next page starts: the index version the pages come from, and the last hit's sort values
     * (by relevance: its score and document number).
     */
    private record Cursor(long version, Object[] values, float score, int doc) {
    }

    /** The cursor after a newest-first hit: the sort, the index version, the hit's time and its id. */
    private static String cursorAfter(CatalogSort sort, long version, FieldDoc hit) {
        return PageRequest.cursorAfter(sort.value() + "|" + version + "|" + hit.fields[0] + "|" + id(hit));
    }

    private static Cursor cursor(CatalogSort sort, String key) {
        String[] parts = key.split("\\|", 4);
        if (parts.length != 4 || !parts[0].equals(sort.value()) || parts[3].isEmpty()) {
            throw CaravelException.invalid("cursor", "error.cursor");
        }
        try {
            long version = Long.parseLong(parts[1]);
            if (sort == CatalogSort.RELEVANCE) {
                int doc = Integer.parseInt(parts[3]);
                if (doc < 0) {
                    throw new NumberFormatException();
                }
                return new Cursor(version, null, Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16)), doc);
            }
            Object value = sort == CatalogSort.NEWEST ? (Object) Long.parseLong(parts[2])
                    : (Object) Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16));
            return new Cursor(version, new Object[] {value, new BytesRef(parts[3])}, Float.NaN, 0);
        } catch (NumberFormatException e) {
            throw CaravelException.invalid("cursor", "error.cursor");
        }
    }

    private Map<String, List<CatalogHits.FacetCount>> counts(IndexSearcher searcher, FacetsCollector hits,
                                                            Map<String, BigDecimal> toQueryCurrency) throws IOException {
        Map<String, List<CatalogHits.FacetCount>> counts = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        Facets facets = state == null ? null : new SortedSetDocValuesFacetCounts(state, hits);
        for (String dimension : CatalogDocuments.FACETS) {
            List<CatalogHits.FacetCount> values = new ArrayList<>();
            FacetResult result = facets == null || !has(state, dimension) ? null
                    : facets.getTopChildren(FACET_VALUES, dimension);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.add(new CatalogHits.FacetCount(value.label, value.value.longValue()));
                }
            }
            counts.put(dimension, values);
        }
        counts.put(CatalogDocuments.PRICE, priceBands(hits, toQueryCurrency));
        return counts;
    }

    private static boolean has(SortedSetDocValuesReaderState state, String dimension) {
        return state.getOrdRange(dimension) != null;
    }

    /** The facet ordinals of this reader: built once per refresh of the index, shared by every search on it. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, CatalogDocuments.FACETS_CONFIG);
        } catch (IllegalArgumentException e) {
            state = null; // an empty index has no facet field yet
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    /** Matches per price band of the query currency: "0-10", "10-25", ... "500-" (lower edge included). */
    private static List<CatalogHits.FacetCount> priceBands(FacetsCollector hits, Map<String, BigDecimal> toQueryCurrency)
            throws IOException {
        long[] counts = new long[PRICE_BANDS.length];
        for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
            DocIdSetIterator docs = matching.bits.iterator();
            if (docs == null) {
                continue;
            }
            NumericDocValues prices = DocValues.getNumeric(matching.context.reader(), CatalogDocuments.PRICE);
            SortedDocValues currencies = DocValues.getSorted(matching.context.reader(), CatalogDocuments.CURRENCY);
            double[] factors = CatalogDocuments.factors(currencies, toQueryCurrency);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (prices.advanceExact(doc) && currencies.advanceExact(doc)) {
                    double price = CatalogDocuments.unscaled(prices.longValue()) * factors[currencies.ordValue()];
                    if (!Double.isNaN(price)) {
                        counts[band(price)]++;
                    }
                }
            }
        }
        List<CatalogHits.FacetCount> bands = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                String upper = i + 1 < PRICE_BANDS.length ? Integer.toString(PRICE_BANDS[i + 1]) : "";
                bands.add(new CatalogHits.FacetCount(PRICE_BANDS[i] + "-" + upper, counts[i]));
            }
        }
        return bands;
    }

    private static int band(double price) {
        int band = 0;
        while (band + 1 < PRICE_BANDS.length && price >= PRICE_BANDS[band + 1]) {
            band++;
        }
        return band;
    }

    @PreDestroy
    void close() {
        ready = false;
        following.lock();
        try {
            if (uncommitted) {
                commit();
            }
            snapshots.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The catalog search index did not close cleanly; the next start catches up", e);
        } finally {
            following.unlock();
        }
    }
}
