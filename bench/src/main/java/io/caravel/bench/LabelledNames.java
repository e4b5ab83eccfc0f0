package io.caravel.bench;

import io.caravel.screening.NameNormalizer;
import io.caravel.screening.PartyType;
import io.caravel.screening.SanctionsEntry;
import io.caravel.screening.SanctionsList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * A labelled set of names built from the list itself, with a fixed seed: positives are variants of
 * sampled entries' names (typos, accents, word order, legal forms, dropped middle names, alternate
 * names), each labelled with the entry it must find; negatives are realistic names that are not on
 * the list (listed first names and surnames recombined, common personal names, company names).
 */
final class LabelledNames {

    /** One name to screen; {@code expected} is the entry a positive must find, 0 for a negative. */
    record Sample(String name, PartyType type, long expected, String kind) {
        boolean positive() {
            return expected != 0;
        }
    }

    private static final String[] COMMON_FIRST = {
            "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
            "David", "Barbara", "Richard", "Susan", "Thomas", "Jessica", "Daniel", "Sarah", "Paul", "Karen",
            "Wei", "Fang", "Li", "Min", "Jing", "Hiroshi", "Yuki", "Sakura", "Kenji", "Priya", "Rahul", "Anita",
            "Sanjay", "Olga", "Dmitri", "Natalia", "Sergei", "Hans", "Greta", "Lukas", "Sofia", "Lucia", "Mateo",
            "Camille", "Louis", "Chiara", "Giulia", "Lars", "Ingrid", "Emre", "Elif", "Kwame", "Amara", "Chloe",
            "Oliver", "Amelia", "Noah", "Isabella", "Lucas", "Mia", "Ethan", "Harper", "Ji-ho", "Seo-yeon"};
    private static final String[] COMMON_LAST = {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
            "Thomas", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker",
            "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhou", "Sato", "Suzuki", "Takahashi", "Tanaka",
            "Sharma", "Patel", "Gupta", "Ivanova", "Petrov", "Smirnov", "Mueller", "Schmidt", "Schneider",
            "Fischer", "Rossi", "Russo", "Bianchi", "Dubois", "Moreau", "Laurent", "Jansen", "de Vries",
            "Nilsson", "Larsen", "Yilmaz", "Kaya", "Mensah", "Okafor", "Kim", "Park", "Choi", "Nguyen", "Tran"};
    private static final String[] COMPANY_PLACE = {
            "Shenzhen", "Ningbo", "Yiwu", "Guangzhou", "Hangzhou", "Hamburg", "Rotterdam", "Milano", "Lyon",
            "Austin", "Portland", "Osaka", "Busan", "Pune", "Istanbul", "Krakow", "Valencia", "Manchester",
            "Nordic", "Pacific", "Atlantic", "Alpine", "Baltic", "Coastal"};
    private static final String[] COMPANY_CORE = {
            "Bright Star", "Golden Bridge", "Blue River", "Evergreen", "Northwind", "Silverline", "Sunrise",
            "Green Leaf", "Red Maple", "Blue Ocean", "Swift", "Harbor", "Summit", "Crystal", "Lotus", "Phoenix",
            "Jade", "Orchid", "Falcon", "Meadow", "Cedar", "Aurora", "Horizon", "Keystone", "Oak & Ivy"};
    private static final String[] COMPANY_TRADE = {
            "Electronics", "Textiles", "Logistics", "Home Goods", "Auto Parts", "Cosmetics", "Toys", "Garden Supply",
            "Outdoor Gear", "Kitchenware", "Lighting", "Furniture", "Pet Supplies", "Sportswear", "Stationery",
            "Packaging", "Tea", "Coffee Roasters", "Bicycles", "Jewelry", "Ceramics", "Apparel", "Optics"};
    private static final String[] COMPANY_FORM = {
            "Co., Ltd.", "Ltd", "LLC", "Inc.", "GmbH", "S.r.l.", "S.A.", "B.V.", "Limited", "PLC", "Corp.", ""};
    private static final String[] LEGAL_FORMS = {"LLC", "L.L.C.", "Ltd.", "Limited", "Co., Ltd.",
            "Company Limited", "Inc.", "Corporation", "GmbH", "S.A.", "JSC", "PLC"};

    private final Random random;
    private final SanctionsList list;
    private final Set<String> listedKeys = new HashSet<>();
    private final List<Set<String>> listedSkeletons = new ArrayList<>();

    LabelledNames(SanctionsList list, long seed) {
        this.list = list;
        this.random = new Random(seed);
        for (SanctionsEntry entry : list.entries()) {
            for (String name : names(entry)) {
                listedKeys.add(NameNormalizer.normalize(name));
                Set<String> skeletons = new HashSet<>();
                NameNormalizer.tokens(name).forEach(t -> skeletons.add(skeleton(t)));
                listedSkeletons.add(skeletons);
            }
        }
    }

    /** Positives for {@code entries} sampled entries, and as many negatives. */
    List<Sample> build(int entries) {
        List<SanctionsEntry> all = new ArrayList<>(list.entries());
        Collections.shuffle(all, random);
        List<Sample> positives = new ArrayList<>();
        for (SanctionsEntry entry : all.subList(0, Math.min(entries, all.size()))) {
            positives.addAll(variants(entry));
        }
        List<Sample> negatives = negatives(positives.size());
        List<Sample> samples = new ArrayList<>(positives);
        samples.addAll(negatives);
        return samples;
    }

    // ---------------------------------------------------------------------------------------------
    // positives

    private List<Sample> variants(SanctionsEntry entry) {
        PartyType type = entry.type(); // whoever screens a ship or an aircraft says so (see NameScreener.compared)
        String name = entry.primaryName();
        Map<String, String> byKind = new java.util.LinkedHashMap<>();
        byKind.put("exact", name);
        byKind.put("typo: swapped letters", typo(name, this::swap));
        byKind.put("typo: dropped letter", typo(name, this::drop));
        byKind.put("typo: doubled letter", typo(name, this::doubled));
        byKind.put("accents and case", accents(name));
        byKind.put("word order", reorder(entry));
        if (entry.type() == PartyType.INDIVIDUAL) {
            byKind.put("middle name dropped", dropMiddle(name));
        } else if (entry.type() == PartyType.ENTITY) {
            byKind.put("legal form changed", changeLegalForm(name));
        }
        if (!entry.alternateNames().isEmpty()) {
            String alternate = entry.alternateNames().get(random.nextInt(entry.alternateNames().size()));
            byKind.put("alternate name", alternate);
            byKind.put("alternate name + typo", typo(alternate, this::swap));
        }
        List<Sample> samples = new ArrayList<>();
        byKind.forEach((kind, variant) -> {
            if (variant != null && !NameNormalizer.tokens(variant).isEmpty()) {
                samples.add(new Sample(variant, type, entry.entNum(), kind));
            }
        });
        return samples;
    }

    /** Applies {@code edit} to one random word of 4+ letters, or null when there is none. */
    private String typo(String name, Function<String, String> edit) {
        String[] words = name.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].replaceAll("[^\\p{L}]", "").length() >= 4 && words[i].matches("[\\p{L}'-]+,?")) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        String word = words[at];
        boolean comma = word.endsWith(",");
        String core = comma ? word.substring(0, word.length() - 1) : word;
        words[at] = edit.apply(core) + (comma ? "," : "");
        return String.join(" ", words);
    }

    private String swap(String word) {
        int i = 1 + random.nextInt(word.length() - 2); // keeps the first letter, as most typos do
        char[] chars = word.toCharArray();
        char c = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = c;
        return new String(chars);
    }

    private String drop(String word) {
        int i = 1 + random.nextInt(word.length() - 1);
        return word.substring(0, i) + word.substring(i + 1);
    }

    private String doubled(String word) {
        int i = random.nextInt(word.length());
        return word.substring(0, i + 1) + word.charAt(i) + word.substring(i + 1);
    }

    private String accents(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : lower.toCharArray()) {
            char accented = switch (c) {
                case 'a' -> 'á';
                case 'e' -> 'é';
                case 'i' -> 'í';
                case 'o' -> 'ö';
                case 'u' -> 'ü';
                case 'n' -> 'ñ';
                case 'c' -> 'ç';
                default -> c;
            };
            char chosen = random.nextInt(3) == 0 ? accented : c;
            out.append(start ? Character.toUpperCase(chosen) : chosen);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }

    private String reorder(SanctionsEntry entry) {
        String name = entry.primaryName();
        int comma = name.indexOf(',');
        if (entry.type() == PartyType.INDIVIDUAL && comma > 0) {
            return name.substring(comma + 1).trim() + " " + name.substring(0, comma).trim(); // First Middle LAST
        }
        List<String> words = new ArrayList<>(List.of(name.split(" ")));
        if (words.size() < 2) {
            return null;
        }
        Collections.rotate(words, 1);
        return String.join(" ", words);
    }

    private String dropMiddle(String name) {
        int comma = name.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String[] given = name.substring(comma + 1).trim().split(" ");
        if (given.length < 2) {
            return null;
        }
        return name.substring(0, comma) + ", " + String.join(" ", List.of(given).subList(0, given.length - 1));
    }

    private String changeLegalForm(String name) {
        String stripped = name.replaceAll("(?i)[,]?\\s+(CO\\.,? LTD\\.?|LTD\\.?|LLC|L\\.L\\.C\\.|LIMITED|INC\\.?|"
                + "CORP(ORATION|\\.)?|COMPANY|GMBH|S\\.A\\.( DE C\\.V\\.)?|JSC|PLC|S\\.R\\.L\\.)$", "");
        if (!stripped.equals(name)) {
            return random.nextBoolean() ? stripped : stripped + " " + LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
        }
        return name + " " + LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
    }

    // ---------------------------------------------------------------------------------------------
    // negatives

    private List<Sample> negatives(int count) {
        List<String> givenNames = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        for (SanctionsEntry entry : list.entries()) {
            String name = entry.primaryName();
            int comma = name.indexOf(',');
            if (entry.type() == PartyType.INDIVIDUAL && comma > 0) {
                surnames.add(name.substring(0, comma).trim());
                givenNames.add(name.substring(comma + 1).trim().split(" ")[0]);
            }
        }
        List<Sample> samples = new ArrayList<>();
        int recombined = count * 2 / 5;
        int common = count / 5;
        int attempts = 0;
        while (samples.size() < recombined && attempts++ < count * 100) {
            String name = pick(givenNames) + " " + pick(surnames);
            addIfAbsent(samples, name, PartyType.INDIVIDUAL, "listed first name + other surname");
        }
        while (samples.size() < recombined + common && attempts++ < count * 200) {
            String name = pick(COMMON_FIRST) + " " + pick(COMMON_LAST);
            addIfAbsent(samples, name, PartyType.INDIVIDUAL, "common personal name");
        }
        while (samples.size() < count && attempts++ < count * 300) {
            String name = (random.nextInt(3) == 0 ? pick(COMPANY_PLACE) + " " : "") + pick(COMPANY_CORE) + " "
                    + pick(COMPANY_TRADE) + " " + pick(COMPANY_FORM);
            addIfAbsent(samples, name.trim(), PartyType.ENTITY, "company name");
        }
        return samples;
    }

    /**
     * Adds the name unless the list has it: the same normalized name, or one name that has every word
     * of it up to spelling (same consonant skeleton, "hasan" = "hassan"), so a negative is never a
     * variant of a listed name.
     */
    private void addIfAbsent(List<Sample> samples, String name, PartyType type, String kind) {
        if (listedKeys.contains(NameNormalizer.normalize(name))
                || samples.stream().anyMatch(s -> s.name().equals(name))) {
            return;
        }
        Set<String> skeletons = new HashSet<>();
        NameNormalizer.tokens(name).forEach(t -> skeletons.add(skeleton(t)));
        for (Set<String> listed : listedSkeletons) {
            if (listed.containsAll(skeletons)) {
                return;
            }
        }
        samples.add(new Sample(name, type, 0, kind));
    }

    /** First letter, then the consonants without repeats: "mohammed", "muhammad" → "mhmd". */
    static String skeleton(String word) {
        StringBuilder out = new StringBuilder().append(word.charAt(0));
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("aeiouy".indexOf(c) < 0 && c != out.charAt(out.length() - 1)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> names(SanctionsEntry entry) {
        List<String> names = new ArrayList<>();
        names.add(entry.primaryName());
        names.addAll(entry.alternateNames());
        return names;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Counts per kind, for the report. */
    static Map<String, int[]> countByKind(List<Sample> samples) {
        Map<String, int[]> counts = new HashMap<>();
        samples.forEach(s -> counts.computeIfAbsent(s.kind(), k -> new int[1])[0]++);
        return counts;
    }
}
