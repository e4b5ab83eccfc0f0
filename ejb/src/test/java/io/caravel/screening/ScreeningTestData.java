package io.caravel.screening;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The lists the screening tests use, loaded once per test run. */
final class ScreeningTestData {

    private static SanctionsList ofac;
    private static NameScreener ofacScreener;

    private ScreeningTestData() {
    }

    /** The folder of the bundled snapshot (the module's classes folder when tests run). */
    static Path ofacDirectory() {
        return folderOf(SanctionsList.BUNDLED + "sdn.csv");
    }

    static synchronized SanctionsList ofac() {
        if (ofac == null) {
            ofac = SanctionsList.loadBundled();
        }
        return ofac;
    }

    private static SanctionsList un;

    static synchronized SanctionsList un() {
        if (un == null) {
            un = SanctionsList.load(ListSource.UN_SC, SanctionsList.bundledFiles(ListSource.UN_SC));
        }
        return un;
    }

    static synchronized NameScreener ofacScreener() {
        if (ofacScreener == null) {
            ofacScreener = new NameScreener(ofac());
        }
        return ofacScreener;
    }

    /** A folder of made-up list files under {@code src/test/resources/screening}. */
    static Path fixture(String name) {
        return folderOf("/screening/" + name + "/sdn.csv");
    }

    private static Path folderOf(String resource) {
        URL url = ScreeningTestData.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
