package io.caravel.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.Access;
import io.caravel.platform.BuildInfo;
import io.caravel.platform.Database;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For operators: which build runs, on which Java, server and database (after an upgrade, to check it took). */
@Path("version")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@Allow(Access.OPERATIONS)
public class VersionResource {

    @Inject
    private Database database;

    @Context
    private ServletContext servletContext;

    /** The running build and what it runs on. */
    @Schema(name = "BuildVersion")
    public record VersionView(String version, String commit, String commitTime, String builtAt, boolean dirty,
                              String java, String server, String database) {
    }

    @GET
    @Operation(operationId = "getVersion", summary = "The running build (version, commit, build time) and the Java, server and database it runs on")
    public VersionView version() {
        BuildInfo build = BuildInfo.current();
        return new VersionView(build.version(), build.commit(), build.commitTime(), build.builtAt(), build.dirty(),
                System.getProperty("java.vendor") + " " + Runtime.version(), servletContext.getServerInfo(),
                database.info().map(Database.Info::toString).orElse("unreachable"));
    }
}
