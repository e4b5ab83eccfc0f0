package io.caravel.bench;

import io.caravel.bench.LabelledNames.Sample;
import io.caravel.screening.NameNormalizer;
import io.caravel.screening.IdentifierCheck;
import io.caravel.screening.Identifiers;
import io.caravel.screening.ListSource;
import io.caravel.screening.NameScreener;
import io.caravel.screening.PartyType;
import io.caravel.screening.SanctionsEntry;
import io.caravel.screening.ScreeningHit;
import io.caravel.screening.SanctionsList;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sanctions screening benchmark, outside the test suite: the quality of the score on a labelled set
 * built from the list itself (precision and recall per threshold), and the latency of one name
 * against the whole list next to baselines measured in the same run (normalizing the name only, and
 * the brute-force scorer over every name), as ratios, because the machine is shared and noisy.
 *
 * <p>Run from the project root: {@code mvn -Pbench -pl bench -am -q verify -DskipTests}, then
 * {@code mvn -Pbench -pl bench -am verify -DskipTests}. Arguments (optional, {@code -Dbench.args="400 5"}): entries
 * sampled for positives (default 400), measured passes over the names (default 5; 0 skips the
 * latency part), random seed of the labelled set (default 20261125). The list is read
 * from {@code <caravel.shared.dir>/data/sanctions/ofac} (default {@code ../shared}).
 */
public final class ScreeningBenchmark {

    private static final long SEED = 20_261_125L; // the default; the third argument overrides it
    private static final double[] THRESHOLDS = {0.80, 0.85, 0.88, 0.90, 0.92, 0.95};
    private static final int BRUTE_FORCE_NAMES = 150;

    private ScreeningBenchmark() {
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        Path directory = listDirectory();

        long start = System.nanoTime();
        SanctionsList list = SanctionsList.load(directory);
        double loadMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        NameScreener screener = new NameScreener(list);
        double indexMs = (System.nanoTime() - start) / 1e6;

        System.out.println();
        System.out.println("Sanctions screening benchmark");
        System.out.println("=============================");
        System.out.printf(Locale.ROOT, "list      %s (%s): %d entries, %d names; load %.0f ms, index %.0f ms%n",
                list.version(), directory, list.size(), screener.nameCount(), loadMs, indexMs);
        System.out.printf(Locale.ROOT, "machine   %d cores, Java %s, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        List<Sample> samples = new LabelledNames(list, seed).build(entries);
        long positives = samples.stream().filter(Sample::positive).count();
        System.out.printf(Locale.ROOT, "labelled  %d names (seed %d): %d positives from %d sampled entries, %d negatives%n",
                samples.size(), seed, positives, entries, samples.size() - positives);

        quality(screener, samples);
        if (passes > 0) {
            latency(list, screener, samples, passes);
        }
        allLists(list, screener, samples, seed, passes);
    }

    // ---------------------------------------------------------------------------------------------
    // every list: scripts, secondary identifiers, latency across the lists, a full re-screen

    private static final int RESCREEN_PERSONS = 10_000;
    private static final int BIRTH_YEAR_OFF = 25;

    private static void allLists(SanctionsList ofac, NameScreener ofacScreener, List<Sample> samples, long seed, int passes) {
        SanctionsList un = SanctionsList.load(ListSource.UN_SC, SanctionsList.bundledFiles(ListSource.UN_SC));
        NameScreener unScreener = new NameScreener(un);
        List<NameScreener> screeners = List.of(ofacScreener, unScreener);
        double threshold = NameScreener.DEFAULT_THRESHOLD;
        System.out.println();
        System.out.printf(Locale.ROOT, "Every list: %s and %s (%d names)%n", ofac.version(), un.version(), unScreener.nameCount());

        // names in original script (the UN list's Arabic and other non-Latin names), as written and with a word left out
        java.util.Random random = new java.util.Random(seed);
        int scriptNames = 0;
        int scriptFound = 0;
        int shortenedNames = 0;
        int shortenedFound = 0;
        for (SanctionsEntry entry : un.entries()) {
            for (String name : entry.alternateNames()) {
                if (!nonLatin(name)) {
                    continue;
                }
                scriptNames++;
                if (finds(unScreener, name, entry, threshold)) {
                    scriptFound++;
                }
                String[] words = name.trim().split("\\s+");
                if (words.length >= 4) {
                    int drop = 1 + random.nextInt(words.length - 2);
                    List<String> kept = new ArrayList<>(Arrays.asList(words));
                    kept.remove(drop);
                    shortenedNames++;
                    if (finds(unScreener, String.join(" ", kept), entry, threshold)) {
                        shortenedFound++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "original script: %d of %d names found as written (%.1f%%), %d of %d with a middle word"
                + " left out (%.1f%%)%n", scriptFound, scriptNames, 100.0 * scriptFound / Math.max(1, scriptNames),
                shortenedFound, shortenedNames, 100.0 * shortenedFound / Math.max(1, shortenedNames));

        // secondary identifiers: the listed person's year of birth keeps a hit; a year 25 years off discounts it
        int withBirth = 0;
        int keptSame = 0;
        int discountedOther = 0;
        for (Sample sample : samples) {
            if (!sample.positive() || sample.type() != PartyType.INDIVIDUAL) {
                continue;
            }
            SanctionsEntry entry = ofac.entry(sample.expected()).orElseThrow();
            Integer year = firstYear(entry);
            if (year == null) {
                continue;
            }
            ScreeningHit hit = ofacScreener.screen(sample.name(), PartyType.INDIVIDUAL, threshold, 10).stream()
                    .filter(h -> h.entNum() == entry.entNum()).findFirst().orElse(null);
            if (hit == null) {
                continue;
            }
            withBirth++;
            if (!hit.adjusted(IdentifierCheck.adjustments(new Identifiers(null, year, null), entry), threshold).discounted()) {
                keptSame++;
            }
            if (hit.adjusted(IdentifierCheck.adjustments(new Identifiers(null, year + BIRTH_YEAR_OFF, null), entry), threshold)
                    .discounted()) {
                discountedOther++;
            }
        }
        System.out.printf(Locale.ROOT, "date of birth: of %d found persons with a listed year of birth, the same year keeps"
                        + " %d (%.1f%%); a year %d years off discounts %d (%.1f%%) below the threshold%n", withBirth, keptSame,
                100.0 * keptSame / Math.max(1, withBirth), BIRTH_YEAR_OFF, discountedOther,
                100.0 * discountedOther / Math.max(1, withBirth));

        if (passes == 0) {
            return;
        }
        // latency of one name against every list, next to normalizing it
        long sink = 0;
        int n = samples.size();
        long[] every = new long[n * passes];
        long[] normalize = new long[n * passes];
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < n; i++) {
                Sample s = samples.get(i);
                long t = System.nanoTime();
                sink += NameNormalizer.normalize(s.name()).length();
                normalize[pass * n + i] = System.nanoTime() - t;
                t = System.nanoTime();
                for (NameScreener screener : screeners) {
                    sink += screener.screen(s.name(), s.type(), threshold, 10).size();
                }
                every[pass * n + i] = System.nanoTime() - t;
            }
        }
        Stats norm = Stats.of(normalize);
        System.out.println();
        System.out.println("                                         |  names |     mean |      p50 |       p99 | mean / normalize");
        System.out.println("-----------------------------------------+--------+----------+----------+-----------+-----------------");
        row("baseline: normalize the name only", norm, norm);
        row("screen against every list, warmed up", Stats.of(every), norm);

        // a full re-screen: 10,000 persons, each with a year of birth, against every list, on one thread
        List<String> persons = new ArrayList<>();
        for (int i = 0; persons.size() < RESCREEN_PERSONS; i++) {
            persons.add(samples.get(i % n).name() + (i < n ? "" : " " + (char) ('a' + i % 26)));
        }
        long t = System.nanoTime();
        for (String person : persons) {
            sink += NameNormalizer.normalize(person).length();
        }
        double normalizeMs = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        int alerts = 0;
        for (int i = 0; i < persons.size(); i++) {
            Identifiers identifiers = new Identifiers(null, 1950 + i % 50, null);
            for (NameScreener screener : screeners) {
                for (ScreeningHit hit : screener.screen(persons.get(i), PartyType.INDIVIDUAL, threshold - 0.07, 10)) {
                    SanctionsEntry entry = (screener == ofacScreener ? ofac : un).entry(hit.entNum()).orElseThrow();
                    if (!hit.adjusted(IdentifierCheck.adjustments(identifiers, entry), threshold).discounted()) {
                        alerts++;
                    }
                }
            }
        }
        double rescreenMs = (System.nanoTime() - t) / 1e6;
        System.out.println();
        System.out.printf(Locale.ROOT, "full re-screen of %,d persons against every list (one thread, with years of birth):"
                        + " %.1f s, %.0f persons/s, %.0f µs each; %.0fx normalizing them (%.0f ms); %d alerts%n",
                persons.size(), rescreenMs / 1e3, persons.size() / (rescreenMs / 1e3), rescreenMs * 1e3 / persons.size(),
                rescreenMs / normalizeMs, normalizeMs, alerts);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static boolean finds(NameScreener screener, String name, SanctionsEntry entry, double threshold) {
        return screener.screen(name, null, threshold, 10).stream().anyMatch(h -> h.entNum() == entry.entNum());
    }

    private static boolean nonLatin(String name) {
        return name.codePoints().filter(Character::isLetter)
                .anyMatch(cp -> Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
    }

    private static Integer firstYear(SanctionsEntry entry) {
        for (String birth : entry.datesOfBirth()) {
            java.util.regex.Matcher year = java.util.regex.Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b").matcher(birth);
            if (year.find() && !birth.contains(" to ")) {
                return Integer.valueOf(year.group(1));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // quality

    private static void quality(NameScreener screener, List<Sample> samples) {
        List<List<ScreeningHit>> results = new ArrayList<>();
        for (Sample sample : samples) {
            results.add(screener.screen(sample.name(), sample.type(), THRESHOLDS[0], 1000));
        }

        System.out.println();
        System.out.println("Quality (alert = at least one hit; a positive is found when its entry is among the hits;");
        System.out.println("         precision = found / all alerts, positives and negatives 1:1)");
        System.out.println();
        System.out.println("threshold | recall | precision |   F1  |   F2  | negatives alerted      | positives missed");
        System.out.println("----------+--------+-----------+-------+-------+------------------------+-----------------");
        double bestF2 = -1;
        double suggested = NameScreener.DEFAULT_THRESHOLD;
        for (double threshold : THRESHOLDS) {
            Counts c = count(samples, results, threshold);
            double recall = ratio(c.found, c.positives);
            double precision = ratio(c.found, c.found + c.wrongAlerts);
            double f1 = fScore(precision, recall, 1);
            double f2 = fScore(precision, recall, 2);
            if (f2 > bestF2 + 1e-9) {
                bestF2 = f2;
                suggested = threshold;
            }
            System.out.printf(Locale.ROOT, "  %.2f%s   | %.3f  |   %.3f   | %.3f | %.3f | %5d of %5d (%4.1f%%) | %5d of %5d%n",
                    threshold, threshold == NameScreener.DEFAULT_THRESHOLD ? "*" : " ", recall, precision, f1, f2,
                    c.negativesAlerted, c.negatives, 100.0 * c.negativesAlerted / c.negatives,
                    c.positives - c.found, c.positives);
        }
        System.out.printf(Locale.ROOT, "(* = NameScreener.DEFAULT_THRESHOLD %.2f; best F2, which weighs recall twice as"
                + " much as precision, at %.2f)%n", NameScreener.DEFAULT_THRESHOLD, suggested);

        System.out.println();
        System.out.printf(Locale.ROOT, "By kind at %.2f%n", NameScreener.DEFAULT_THRESHOLD);
        System.out.println("kind                                 | names | found / alerted");
        System.out.println("-------------------------------------+-------+----------------");
        Map<String, int[]> byKind = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            int[] k = byKind.computeIfAbsent((s.positive() ? "+ " : "- ") + s.kind(), x -> new int[2]);
            k[0]++;
            if (s.positive() ? found(s, results.get(i), NameScreener.DEFAULT_THRESHOLD)
                    : alerted(results.get(i), NameScreener.DEFAULT_THRESHOLD)) {
                k[1]++;
            }
        }
        byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "%-36s | %5d | %5d (%5.1f%%)%n",
                kind, k[0], k[1], 100.0 * k[1] / k[0]));

        System.out.println();
        System.out.printf(Locale.ROOT, "Examples at %.2f (first 6 of each)%n", NameScreener.DEFAULT_THRESHOLD);
        int missed = 0;
        int alarms = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            List<ScreeningHit> hits = results.get(i);
            if (s.positive() && !found(s, hits, NameScreener.DEFAULT_THRESHOLD) && missed++ < 6) {
                double score = hits.stream().filter(h -> h.entNum() == s.expected()).mapToDouble(ScreeningHit::score)
                        .findFirst().orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "  missed  [%s] \"%s\" -> entry %d: %s%n", s.kind(), s.name(), s.expected(),
                        Double.isNaN(score) ? "below 0.80" : String.format(Locale.ROOT, "%.3f", score));
            }
            if (!s.positive() && alerted(hits, NameScreener.DEFAULT_THRESHOLD) && alarms++ < 6) {
                ScreeningHit top = hits.get(0);
                System.out.printf(Locale.ROOT, "  alerted [%s] \"%s\" -> \"%s\" (entry %d) %.3f%n", s.kind(), s.name(),
                        top.matchedName(), top.entNum(), top.score());
            }
        }
    }

    private record Counts(int positives, int found, int negatives, int negativesAlerted, int wrongAlerts) {
    }

    private static Counts count(List<Sample> samples, List<List<ScreeningHit>> results, double threshold) {
        int positives = 0;
        int found = 0;
        int negatives = 0;
        int negativesAlerted = 0;
        int wrongAlerts = 0;
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            List<ScreeningHit> hits = results.get(i);
            if (s.positive()) {
                positives++;
                if (found(s, hits, threshold)) {
                    found++;
                } else if (alerted(hits, threshold)) {
                    wrongAlerts++; // an alert, but on other entries only
                }
            } else {
                negatives++;
                if (alerted(hits, threshold)) {
                    negativesAlerted++;
                    wrongAlerts++;
                }
            }
        }
        return new Counts(positives, found, negatives, negativesAlerted, wrongAlerts);
    }

    private static boolean found(Sample sample, List<ScreeningHit> hits, double threshold) {
        return hits.stream().anyMatch(h -> h.entNum() == sample.expected() && h.score() >= threshold);
    }

    private static boolean alerted(List<ScreeningHit> hits, double threshold) {
        return hits.stream().anyMatch(h -> h.score() >= threshold);
    }

    private static double fScore(double precision, double recall, double beta) {
        double b2 = beta * beta;
        return precision + recall == 0 ? 0 : (1 + b2) * precision * recall / (b2 * precision + recall);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    // ---------------------------------------------------------------------------------------------
    // latency

    private static void latency(SanctionsList list, NameScreener screener, List<Sample> samples, int passes) {
        double threshold = NameScreener.DEFAULT_THRESHOLD;
        int n = samples.size();
        long sink = 0;

        for (int pass = 0; pass < 3; pass++) { // warm-up: JIT and the screener's word cache
            for (Sample s : samples) {
                sink += screener.screen(s.name(), s.type(), threshold, 10).size();
                sink += NameNormalizer.normalize(s.name()).length();
            }
        }

        // a fresh screener (compiled code, empty word cache): the first sight of each name
        NameScreener fresh = new NameScreener(list);
        long[] cold = new long[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            long t = System.nanoTime();
            sink += fresh.screen(s.name(), s.type(), threshold, 10).size();
            cold[i] = System.nanoTime() - t;
        }
        long[] warm = new long[n * passes];
        long[] normalize = new long[n * passes];
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < n; i++) { // interleaved, so that load changes hit both alike
                Sample s = samples.get(i);
                long t = System.nanoTime();
                sink += NameNormalizer.normalize(s.name()).length();
                normalize[pass * n + i] = System.nanoTime() - t;
                t = System.nanoTime();
                sink += screener.screen(s.name(), s.type(), threshold, 10).size();
                warm[pass * n + i] = System.nanoTime() - t;
            }
        }

        // brute force on an evenly spread subset, which also checks that the index loses nothing
        int step = Math.max(1, n / BRUTE_FORCE_NAMES);
        List<Long> bruteTimes = new ArrayList<>();
        List<Long> indexedTimes = new ArrayList<>();
        int identical = 0;
        int compared = 0;
        for (int i = 0; i < 10; i++) {
            sink += screener.screenExhaustive(samples.get(i).name(), samples.get(i).type(), threshold, 10).size();
        }
        for (int i = 0; i < n; i += step) {
            Sample s = samples.get(i);
            long t = System.nanoTime();
            List<ScreeningHit> exhaustive = screener.screenExhaustive(s.name(), s.type(), 0.80, 1000);
            bruteTimes.add(System.nanoTime() - t);
            t = System.nanoTime();
            List<ScreeningHit> indexed = screener.screen(s.name(), s.type(), 0.80, 1000);
            indexedTimes.add(System.nanoTime() - t);
            compared++;
            if (exhaustive.equals(indexed)) {
                identical++;
            }
        }
        long[] brute = bruteTimes.stream().mapToLong(Long::longValue).toArray();
        long[] indexedSubset = indexedTimes.stream().mapToLong(Long::longValue).toArray();

        Stats norm = Stats.of(normalize);
        Stats coldStats = Stats.of(cold);
        Stats warmStats = Stats.of(warm);
        Stats bruteStats = Stats.of(brute);
        Stats subsetStats = Stats.of(indexedSubset);

        System.out.println();
        System.out.printf(Locale.ROOT, "Latency of one name against the whole list (threshold %.2f unless shown, limit 10),"
                + " microseconds%n", threshold);
        System.out.println();
        System.out.println("                                         |  names |     mean |      p50 |       p99 | mean / normalize");
        System.out.println("-----------------------------------------+--------+----------+----------+-----------+-----------------");
        row("baseline: normalize the name only", norm, norm);
        row("screen, fresh screener (first sight)", coldStats, norm);
        row("screen, warmed up (steady state)", warmStats, norm);
        row("baseline: brute force, all names (0.80)", bruteStats, norm);
        row("screen, the same names (0.80)", subsetStats, norm);
        System.out.println();
        System.out.printf(Locale.ROOT, "screen vs brute force on the same names: %.0fx faster (mean), %.0fx (p50);"
                        + " identical hits at 0.80 for %d of %d names%n",
                bruteStats.mean / subsetStats.mean, (double) bruteStats.p50 / Math.max(1, subsetStats.p50),
                identical, compared);
        System.out.printf(Locale.ROOT, "steady state vs first sight: %.1fx (mean)%n", coldStats.mean / warmStats.mean);
        System.out.printf(Locale.ROOT, "load average at end %.2f (2 cores: above ~1.5 the figures are noisy)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
    }

    private static void row(String label, Stats stats, Stats baseline) {
        System.out.printf(Locale.ROOT, "%-40s | %6d | %8.1f | %8.1f | %9.1f | %8.1fx%n", label, stats.count,
                stats.mean / 1e3, stats.p50 / 1e3, stats.p99 / 1e3, stats.mean / baseline.mean);
    }

    private record Stats(int count, double mean, long p50, long p99) {
        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(0);
            return new Stats(sorted.length, mean, percentile(sorted, 0.50), percentile(sorted, 0.99));
        }

        private static long percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private static Path listDirectory() {
        String shared = System.getProperty("caravel.shared.dir");
        Path base = shared == null || shared.isBlank() ? Path.of("..", "shared") : Path.of(shared);
        Path directory = base.resolve("data/sanctions/ofac").toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            Path fromModule = Path.of("..", "..", "shared", "data", "sanctions", "ofac").toAbsolutePath().normalize();
            if (Files.isDirectory(fromModule)) {
                return fromModule;
            }
        }
        return directory;
    }
}
