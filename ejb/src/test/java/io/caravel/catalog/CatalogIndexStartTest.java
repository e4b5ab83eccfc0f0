package io.caravel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a node decides about the search index it finds in its data folder at start-up. */
class CatalogIndexStartTest {

    private static final String DB = "5f0c6a2e-8d7b-4c11-9a3e-2b1f4e6d7c80";

    private static Map<String, String> committed(String layout, String database, long applied) {
        return Map.of(CatalogIndex.LAYOUT_KEY, layout, CatalogIndex.DATABASE_KEY, database,
                CatalogIndex.APPLIED_KEY, Long.toString(applied));
    }

    @Test
    void anIndexOfThisDatabaseBehindItIsCaughtUp() {
        assertThat(CatalogIndex.reasonToRebuild(committed(CatalogIndex.LAYOUT, DB, 40), DB, 57)).isNull();
        assertThat(CatalogIndex.reasonToRebuild(committed(CatalogIndex.LAYOUT, DB, 57), DB, 57)).isNull();
    }

    @Test
    void anIndexMadeFromAnotherDatabaseIsRebuiltEvenWhenItsChangeNumberFits() {
        // the same data folder once pointed at the embedded database, now at MariaDB: change 40 there is another change
        assertThat(CatalogIndex.reasonToRebuild(committed(CatalogIndex.LAYOUT, "another", 40), DB, 57))
                .isEqualTo("it was made from another database");
    }

    @Test
    void anIndexWrittenBeforeIndexesNamedTheirDatabaseIsRebuiltOnce() {
        Map<String, String> old = Map.of(CatalogIndex.LAYOUT_KEY, CatalogIndex.LAYOUT, CatalogIndex.APPLIED_KEY, "40");
        assertThat(CatalogIndex.reasonToRebuild(old, DB, 57)).isEqualTo("it was made from another database");
    }

    @Test
    void noIndexAnotherLayoutOrAnIndexAheadOfTheDatabaseIsRebuilt() {
        assertThat(CatalogIndex.reasonToRebuild(Map.of(), DB, 57)).isEqualTo("there was none");
        assertThat(CatalogIndex.reasonToRebuild(committed("1", DB, 40), DB, 57)).isEqualTo("layout 1, now " + CatalogIndex.LAYOUT);
        assertThat(CatalogIndex.reasonToRebuild(committed(CatalogIndex.LAYOUT, DB, 58), DB, 57))
                .isEqualTo("it is ahead of the database");
    }
}
