package io.caravel.catalog.web;

import io.caravel.platform.Access;
import io.caravel.platform.web.Allow;
import io.caravel.catalog.CatalogProduct;
import io.caravel.channel.Channels;
import io.caravel.seller.SellerDirectory;
import io.caravel.catalog.CatalogHits;
import io.caravel.catalog.CatalogQuery;
import io.caravel.catalog.CatalogSort;
import io.caravel.catalog.CatalogService;
import io.caravel.fx.FxService;
import io.caravel.fx.FxTable;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingService;
import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.platform.Uploads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The headless storefront catalog, public: published products only, searched in English and
 * Chinese, filtered, paged by cursor, and priced in the buyer's currency at the loaded FX rates.
 */
@Path("catalog/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
@Allow(Access.PUBLIC)
@SecurityRequirementsSet
@ApplicationScoped // one instance for every request: it keeps nothing of a request (its URI comes as a parameter)
public class CatalogResource {

    private static final CacheControl PUBLIC = CacheControl.valueOf("public, max-age=60");

    @Inject
    private CatalogService catalog;

    @Inject
    private ListingService listings;

    @Inject
    private FxService fx;

    @Inject
    private Channels channels;

    @Inject
    private SellerDirectory sellers;

    @GET
    @Operation(operationId = "searchProducts", summary = "Search published products: q (words in English or Chinese; every word must be found, a long word also with a typo, synonyms count), category, brand, origin, price range in currency (default EUR), wholesale items for resellers; sort=relevance (default with q), newest (default without), price-asc or price-desc; facets=true adds the total and counts by category, brand, origin, shipsFrom and price band (in currency); cursor paging. With a storefront channel's X-Channel-Token: only its store's products, priced in its currencies (default its first)")
    public SearchPage search(@QueryParam("q") String q, @QueryParam("category") String category,
                             @QueryParam("brand") String brand, @QueryParam("origin") String origin,
                             @QueryParam("minPrice") String minPrice, @QueryParam("maxPrice") String maxPrice,
                             @QueryParam("currency") String currency, @QueryParam("wholesale") boolean wholesale,
                             @QueryParam("sort") String sort, @QueryParam("facets") boolean facets,
                             @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                             @HeaderParam(Channels.HEADER) String channelToken, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        CatalogSort order = CatalogSort.parse(sort);
        Channels.Scope channel = channelToken == null ? null : channels.resolve(channelToken);
        if (channel != null) {
            currency = channel.currency(currency, "currency");
        }
        boolean pricesInvolved = blank(currency) != null || blank(minPrice) != null || blank(maxPrice) != null
                || facets || order == CatalogSort.PRICE_ASC || order == CatalogSort.PRICE_DESC;
        FxTable rates = pricesInvolved ? fx.table() : new FxTable(java.util.Map.of());
        String buyerCurrency = currency(currency, rates);
        BigDecimal min = amount("minPrice", minPrice);
        BigDecimal max = amount("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw CaravelException.invalid("minPrice", "error.catalog.price-range");
        }
        String rangeCurrency = buyerCurrency == null ? "EUR" : buyerCurrency;
        CatalogQuery query = new CatalogQuery(blank(q), blank(category), blank(brand), blank(origin), min, max,
                rangeCurrency, wholesale, channel == null ? null : channel.sellerId(), order, facets);
        CatalogHits<CatalogProduct> found = catalog.search(query, rates.factorsTo(rangeCurrency), page);
        java.util.Set<String> firstParty = sellers.firstParty(found.items().stream().map(CatalogProduct::sellerId)
                .collect(java.util.stream.Collectors.toSet()));
        List<ProductView> items = found.items().stream()
                .map(p -> view(p, rates, buyerCurrency, firstParty.contains(p.sellerId()), uri)).toList();
        return new SearchPage(items, found.nextCursor(), found.total(), facets ? rangeCurrency : null, found.facets());
    }

    /**
     * One page of a catalog search; with {@code facets=true} also how many products match in all and
     * the facet counts (price bands are in {@code facetCurrency}, e.g. "10-25": from 10 to under 25).
     */
    public record SearchPage(List<ProductView> items, String nextCursor, Long total, String facetCurrency,
                             java.util.Map<String, List<CatalogHits.FacetCount>> facets) {
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(ref = "ProductView")))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @Operation(operationId = "getProduct", summary = "One published product; ETag, and If-None-Match answers 304. currency=EUR adds the buyer's price with its rate and date")
    public Response product(@PathParam("id") String id, @QueryParam("currency") String currency, @Context Request request,
                            @HeaderParam(Channels.HEADER) String channelToken, @Context UriInfo uri) {
        Channels.Scope channel = channels.resolve(channelToken);
        CatalogProduct product = catalog.product(id);
        if (channel != null) {
            if (!channel.sells(product.sellerId())) {
                throw CaravelException.notFound("product", id);
            }
            currency = channel.currency(currency, "currency");
        }
        FxTable rates = fx.table();
        ProductView view = view(product, rates, currency(currency, rates), sellers.isFirstParty(product.sellerId()), uri);
        EntityTag tag = new EntityTag(Uploads.sha256((product.id() + "|" + product.revision() + "|" + view.buyerPrice())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(PUBLIC).header("Vary", Channels.HEADER).build();
        }
        return Response.ok(view).tag(tag).cacheControl(PUBLIC).header("Vary", Channels.HEADER).build();
    }

    @GET
    @Path("{id}/images/{imageId}")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getProductImage", summary = "An image of a published product")
    public Response image(@PathParam("id") String id, @PathParam("imageId") String imageId) {
        ListingFile image = listings.publicImage(id, imageId);
        return Response.ok(image.content(), image.contentType()).tag(image.sha256())
                .cacheControl(CacheControl.valueOf("public, max-age=86400")).header("X-Content-Type-Options", "nosniff").build();
    }

    private static ProductView view(CatalogProduct p, FxTable rates, String buyerCurrency, boolean firstParty, UriInfo uri) {
        FxTable.Conversion buyer = buyerCurrency == null ? null
                : rates.convert(p.product().getPrice(), p.product().getCurrency(), buyerCurrency).orElse(null);
        return ProductView.of(p, buyer, uri.getBaseUri().getPath() + "catalog/products/", firstParty);
    }

    private static String currency(String currency, FxTable rates) {
        if (currency == null || currency.isBlank()) {
            return null;
        }
        String code = currency.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}") || !rates.knows(code)) {
            throw CaravelException.invalid("currency", "error.catalog.currency", code);
        }
        return code;
    }

    private static BigDecimal amount(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (amount.signum() < 0) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw CaravelException.invalid(field, "error.catalog.amount");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
