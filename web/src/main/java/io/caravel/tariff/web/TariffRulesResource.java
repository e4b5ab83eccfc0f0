package io.caravel.tariff.web;

import io.caravel.tariff.TariffRules;
import io.caravel.platform.Access;
import io.caravel.platform.Caller;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The landed-cost rule table: public to read (storefronts explain their prices with it), replaced by administrators. */
@Path("tariff/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tariff")
public class TariffRulesResource {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    @Inject
    private TariffRules rules;

    @Inject
    private Caller caller;

    @GET
    @Allow(Access.PUBLIC)
    @SecurityRequirementsSet
    @Operation(operationId = "getTariffRules", summary = "The landed-cost rules in force: version, source, checksum and every rule with its dates")
    public TariffRules.Table table() {
        return rules.table();
    }

    @PUT
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Allow(Access.ADMINISTRATION)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "replaceTariffRules", summary = "Replace the whole rule table with a CSV in the documented layout (at most 2 MB); all or nothing, a new version")
    public TariffRules.RuleSetView load(@QueryParam("source") String source, InputStream body) throws IOException {
        byte[] content = RequestBodies.read(body, MAX_FILE_BYTES);
        return rules.load(caller, content, source);
    }
}
