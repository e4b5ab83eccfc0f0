package io.caravel.fx.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.platform.web.RequestBodies;
import io.caravel.fx.FxService;
import io.caravel.platform.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Foreign-exchange reference rates: anyone reads the latest; an administrator loads a file in the ECB layout. */
@Path("fx/rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "fx")
public class FxResource {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    @Inject
    private FxService fx;

    @Inject
    private Caller caller;

    /** A currency's latest rate per 1 EUR. */
    public record RateView(String currency, BigDecimal perEur, LocalDate date, String source) {
    }

    @GET
    @Allow(Access.PUBLIC)
    @SecurityRequirementsSet
    @Operation(operationId = "getFxRates", summary = "The latest reference rate of every loaded currency (units per 1 EUR), with date and source")
    public List<RateView> latest() {
        return fx.table().quotes().entrySet().stream()
                .map(e -> new RateView(e.getKey(), e.getValue().perEur(), e.getValue().date(), e.getValue().source()))
                .sorted(Comparator.comparing(RateView::currency)).toList();
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Allow(Access.ADMINISTRATION)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "loadFxRates", summary = "Load rates from a file in the ECB layout (eurofxref.csv, eurofxref-hist.csv or eurofxref-daily.xml, at most 2 MB); all or nothing")
    public FxService.LoadResult load(@QueryParam("source") String source, InputStream body) throws IOException {
        byte[] content = RequestBodies.read(body, MAX_FILE_BYTES);
        return fx.load(caller, content, source);
    }
}
