package io.caravel.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index of {@link NameScreener#screen} skips most names; these tests compare it with
 * {@link NameScreener#screenExhaustive}, which scores every name, on variants of listed names
 * (typos, word order, case, legal forms, particles) and names not on the list.
 */
class BlockingMatchesBruteForceTest {

    private static final PartyType[] TYPES = {null, PartyType.INDIVIDUAL, PartyType.ENTITY};

    private final NameScreener screener = ScreeningTestData.ofacScreener();

    @Test
    void sameHitsAsBruteForceOnASampleOfVariants() {
        List<String> names = sample(new Random(20_261_125L), 90);
        int withHits = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            PartyType type = TYPES[i % TYPES.length];
            List<ScreeningHit> exhaustive = screener.screenExhaustive(name, type, 0.75, 10_000);
            List<ScreeningHit> indexed = screener.screen(name, type, 0.75, 10_000);
            assertThat(indexed).as("'%s' (%s)", name, type).isEqualTo(exhaustive);
            if (!exhaustive.isEmpty()) {
                withHits++;
            }
        }
        assertThat(withHits).as("the sample has hits to lose").isGreaterThan(names.size() / 2);
    }

    @Test
    void sameHitsAsBruteForceEvenAtThresholdZero() {
        List<String> names = sample(new Random(7L), 8);
        names.add("Mohammed Ali");
        names.add("Al");
        for (String name : names) {
            List<ScreeningHit> exhaustive = screener.screenExhaustive(name, null, 0.0, 100_000);
            assertThat(screener.screen(name, null, 0.0, 100_000)).as(name).isEqualTo(exhaustive);
            assertThat(exhaustive).allMatch(h -> h.score() > 0);
        }
    }

    /** Names of random entries, changed the way a user or another list would write them, and made-up names. */
    private List<String> sample(Random random, int count) {
        List<SanctionsEntry> entries = new ArrayList<>(ScreeningTestData.ofac().entries());
        Collections.shuffle(entries, random);
        List<String> names = new ArrayList<>();
        for (SanctionsEntry entry : entries.subList(0, count * 4 / 5)) {
            List<String> all = new ArrayList<>(entry.alternateNames());
            all.add(entry.primaryName());
            String name = all.get(random.nextInt(all.size()));
            names.add(switch (names.size() % 6) {
                case 0 -> swapLetters(name, random);
                case 1 -> dropLetter(name, random);
                case 2 -> rotateWords(name);
                case 3 -> name.toLowerCase(Locale.ROOT) + " llc";
                case 4 -> name.replace("AL ", "AL-").replace("BIN ", "BIN");
                default -> name;
            });
        }
        String[] first = {"Ahmed", "Maria", "Olga", "Wei", "Juan Carlos", "Fatima", "Ivan", "Hassan"};
        String[] last = {"Haddad", "Lopez", "Petrova", "Zhang", "Rodriguez Perez", "Al Rashid", "Sokolov", "Karimi"};
        while (names.size() < count) {
            names.add(first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)]);
        }
        return names;
    }

    private static String swapLetters(String name, Random random) {
        char[] chars = name.toCharArray();
        for (int tries = 0; tries < 20; tries++) {
            int i = random.nextInt(Math.max(1, chars.length - 1));
            if (i + 1 < chars.length && Character.isLetter(chars[i]) && Character.isLetter(chars[i + 1])) {
                char c = chars[i];
                chars[i] = chars[i + 1];
                chars[i + 1] = c;
                break;
            }
        }
        return new String(chars);
    }

    private static String dropLetter(String name, Random random) {
        for (int tries = 0; tries < 20; tries++) {
            int i = random.nextInt(name.length());
            if (Character.isLetter(name.charAt(i)) && name.replaceAll("[^A-Za-z]", "").length() > 3) {
                return name.substring(0, i) + name.substring(i + 1);
            }
        }
        return name;
    }

    private static String rotateWords(String name) {
        List<String> words = new ArrayList<>(List.of(name.replace(",", "").split(" ")));
        Collections.rotate(words, 1);
        return String.join(" ", words);
    }
}
