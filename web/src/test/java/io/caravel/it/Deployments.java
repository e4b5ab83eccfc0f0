package io.caravel.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application as built by Maven ({@code web/target/caravel.war}), for Arquillian deployments. */
public final class Deployments {

    private Deployments() {
    }

    /** The WAR with the test classes (in-container tests); the shared server stops first, as Arquillian starts its own. */
    public static WebArchive caravel(Class<?>... testClasses) {
        try {
            SharedServer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String war = System.getProperty("caravel.war", "target/caravel.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war)).addClasses(testClasses);
    }
}
