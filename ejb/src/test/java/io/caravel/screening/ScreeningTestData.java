package io.caravel.screening;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lists the screening tests use, loaded once per test run. */
final class ScreeningTestData {

    private static SanctionsList ofac;
    private static NameScreener ofacScreener;

    private ScreeningTestData() {
    }

    /**
     * The real OFAC snapshot: {@code <caravel.shared.dir>/data/sanctions/ofac}; surefire sets the
     * property, and without it the shared folder beside the project ({@code ../../shared} from the
     * ejb module) is used.
     */
    static Path ofacDirectory() {
        String shared = System.getProperty("caravel.shared.dir");
        Path base = shared == null || shared.isBlank() ? Path.of("..", "..", "shared") : Path.of(shared);
        Path directory = base.resolve("data").resolve("sanctions").resolve("ofac").toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("OFAC test data not found at " + directory
                    + " (set -Dcaravel.shared.dir to the shared folder)");
        }
        return directory;
    }

    static synchronized SanctionsList ofac() {
        if (ofac == null) {
            ofac = SanctionsList.load(ofacDirectory());
        }
        return ofac;
    }

    static synchronized NameScreener ofacScreener() {
        if (ofacScreener == null) {
            ofacScreener = new NameScreener(ofac());
        }
        return ofacScreener;
    }

    /** A folder of made-up list files under {@code src/test/resources/screening}. */
    static Path fixture(String name) {
        URL url = ScreeningTestData.class.getResource("/screening/" + name + "/sdn.csv");
        if (url == null) {
            throw new IllegalStateException("test fixture screening/" + name + " is missing");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
