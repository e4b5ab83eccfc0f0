package io.caravel.order;

import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.CatalogService;
import io.caravel.catalog.CatalogService.StockLocation;
import io.caravel.channel.Channels;
import io.caravel.creator.Creators;
import io.caravel.catalog.ProductDetails;
import io.caravel.warehouse.Warehouses;
import io.caravel.tariff.TariffRules;
import io.caravel.tariff.Destinations;
import io.caravel.tariff.LandedCost;
import io.caravel.tariff.LandedCostCalculator;
import io.caravel.tariff.RuleBook;
import io.caravel.tariff.RuleKind;
import io.caravel.fx.FxService;
import io.caravel.fx.FxTable;
import io.caravel.hs.HsNomenclature;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.Ids;
import io.caravel.platform.Money;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prices a cart for a buyer: every line from the published catalog, the stock location it ships
 * from, shipping, duty and taxes by the landed-cost rules in force, converted into the buyer's
 * currency at the latest reference rates. The quote is stored with everything used and is valid
 * for a limited time ({@code caravel.checkout.quote-valid}, default 30 minutes).
 */
@Stateless
public class CheckoutService {

    /** China's annual limit is counted per calendar year in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Jsonb JSON = JsonbBuilder.create();
    private static final int DEFAULT_WEIGHT_GRAMS = 500;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private CatalogService catalog;

    @Inject
    private FxService fx;

    @Inject
    private TariffRules rules;

    @Inject
    private BuyerLimits limits;

    @Inject
    private Creators creators;

    @Inject
    private Warehouses warehouses;

    @Inject
    @ConfigProperty(name = "caravel.checkout.quote-valid", defaultValue = "PT30M")
    private Duration quoteValid;

    private final Clock clock = Clock.systemUTC();

    public QuoteView quote(Caller caller, QuoteRequest request) {
        return quote(caller, request, null);
    }

    /** A quote on a storefront channel (or none): only its store's products, in its currencies, to its destinations. */
    public QuoteView quote(Caller caller, QuoteRequest request, Channels.Scope channel) {
        requireBuyer(caller);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of("UTC"));
        String country = request.getDestinationCountry().trim().toUpperCase(Locale.ROOT);
        String method = request.getShippingMethod() == null ? "STANDARD" : request.getShippingMethod().toUpperCase(Locale.ROOT);
        String area = Destinations.area(country);
        String customsCurrency = Destinations.customsCurrency(area);
        FxTable rates = fx.table();
        if (channel != null) {
            channel.requireDestination(country, "destinationCountry");
        }
        String buyerCurrency = channel != null ? channel.currency(request.getCurrency(), "currency")
                : request.getCurrency() == null ? customsCurrency : request.getCurrency().toUpperCase(Locale.ROOT);
        if (!rates.knows(buyerCurrency)) {
            throw CaravelException.invalid("currency", "error.catalog.currency", buyerCurrency);
        }
        if ("CN".equals(area) && !"CNY".equals(buyerCurrency)) {
            // China's order, payment and inventory messages must agree in one currency: the buyer pays in RMB
            throw CaravelException.invalid("currency", "error.checkout.cn-currency");
        }
        RuleBook book = rules.book();
        if (!book.serves(country, today)) {
            throw CaravelException.invalid("destinationCountry", "error.checkout.destination", country);
        }

        Map<String, QuoteView.Rate> used = new LinkedHashMap<>();
        List<LandedCostCalculator.Item> items = new ArrayList<>();
        List<Priced> priced = new ArrayList<>();
        String sellerId = null;
        for (int i = 0; i < request.getLines().size(); i++) {
            QuoteRequest.Line line = request.getLines().get(i);
            String field = "lines[" + i + "]";
            CatalogProduct product = published(line.getProductId(), field + ".productId");
            ProductDetails d = product.product();
            if (channel != null && !channel.sells(product.sellerId())) {
                throw CaravelException.invalid(field + ".productId", "error.channel.product", line.getProductId());
            }
            if (d.isWholesale()) {
                throw CaravelException.invalid(field + ".productId", "error.checkout.wholesale");
            }
            if (sellerId != null && !sellerId.equals(product.sellerId())) {
                throw CaravelException.invalid(field + ".productId", "error.checkout.one-seller");
            }
            sellerId = product.sellerId();
            CatalogProduct stock = d.getSupplierListingId() == null ? product
                    : published(d.getSupplierListingId(), field + ".productId");
            Optional<Warehouses.Pick> warehouse = warehouses.choose(stock.id(), line.getQuantity(), country);
            StockLocation location = warehouse.isPresent() ? StockLocation.OVERSEAS_WAREHOUSE
                    : ownStock(stock, line.getQuantity(), country, field);
            BigDecimal value = d.getPrice().multiply(BigDecimal.valueOf(line.getQuantity()));
            FxTable.Conversion toCustoms = convert(rates, value, d.getCurrency(), customsCurrency, used);
            int weight = (d.getWeightGrams() == null ? DEFAULT_WEIGHT_GRAMS : d.getWeightGrams()) * line.getQuantity();
            items.add(new LandedCostCalculator.Item(d.getHsCode(), toCustoms.amount(), weight));
            BigDecimal supplierCost = stock == product ? null : convert(rates, stock.product().getPrice()
                    .multiply(BigDecimal.valueOf(line.getQuantity())), stock.product().getCurrency(), buyerCurrency, used).amount();
            priced.add(new Priced(product, line.getQuantity(), location, warehouse.orElse(null), toCustoms.amount(), supplierCost));
        }
        // a warehouse in China is a bonded warehouse: an order served wholly from one is a bonded import (1210)
        boolean bonded = "CN".equals(area) && priced.stream().allMatch(p -> p.warehouse != null);
        LandedCost cost = new LandedCostCalculator(book,
                (amount, currency) -> convert(rates, amount, currency, customsCurrency, used).amount())
                .compute(new LandedCostCalculator.Parcel(country, today, method, bonded, items));
        if ("CN".equals(area)) {
            checkAnnualLimit(caller.username(), book, country, today, cost, rates, used);
        }

        List<QuoteView.Line> lines = priced.stream().map(p -> {
            ProductDetails d = p.product.product();
            return new QuoteView.Line(p.product.id(), p.product.revision(), d.getDisplayTitle(), d.getHsCode(),
                    d.getOriginCountry(), p.quantity, new Money(d.getPrice(), d.getCurrency()),
                    new Money(convert(rates, p.customsValue, customsCurrency, buyerCurrency, used).amount(), buyerCurrency),
                    p.location.name(), d.getSupplierListingId(),
                    p.supplierCost == null ? null : new Money(Money.round(p.supplierCost, buyerCurrency), buyerCurrency),
                    p.warehouse == null ? null : new QuoteView.Warehouse(p.warehouse.warehouseId(), p.warehouse.code(),
                            p.warehouse.name(), p.warehouse.country()));
        }).toList();
        QuoteView.Amounts customs = new QuoteView.Amounts(customsCurrency, cost.goods(), cost.shipping(), cost.duty(),
                cost.vat(), cost.consumptionTax(), cost.total());
        QuoteView.Amounts buyer = inBuyerCurrency(rates, customs, buyerCurrency, used);
        Duration valid = request.getValidForSeconds() == null ? quoteValid
                : Duration.ofSeconds(Math.min(request.getValidForSeconds(), quoteValid.toSeconds()));
        QuoteView view = new QuoteView(Ids.newId(), now.plus(valid), country, method, cost.regime().name(), lines, buyer,
                customs, cost.dutiableValue(), List.copyOf(used.values()), HsNomenclature.EDITION, cost.ruleVersion(),
                cost.rulesUsed(), referral(request.getReferralCode(), lines, caller.username()),
                channel == null ? null : channel.channelId());
        em.persist(new CheckoutQuote(view, caller.username(), sellerId, JSON.toJson(view), now));
        return view;
    }

    /** The creator's share of the goods of the product they referred, in the buyer's currency; none without a code. */
    private QuoteView.Referral referral(String code, List<QuoteView.Line> lines, String buyer) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Creators.Terms terms = creators.referral(code, lines.stream().map(QuoteView.Line::productId)
                .collect(java.util.stream.Collectors.toSet()), buyer);
        QuoteView.Line line = lines.stream().filter(l -> l.productId().equals(terms.productId())).findFirst().orElseThrow();
        BigDecimal commission = Money.round(line.lineTotal().amount().multiply(terms.rate()), line.lineTotal().currency());
        return new QuoteView.Referral(terms.code(), terms.creatorId(), terms.creatorName(), terms.productId(), terms.rate(),
                new Money(commission, line.lineTotal().currency()));
    }

    /** A stored quote of the caller; other buyers' quotes do not exist for them. */
    public QuoteView quote(Caller caller, String id) {
        CheckoutQuote quote = id == null ? null : em.find(CheckoutQuote.class, id);
        if (quote == null || !quote.buyer().equals(caller.username())) {
            throw CaravelException.notFound("quote", id);
        }
        return JSON.fromJson(quote.pricing(), QuoteView.class);
    }

    private void checkAnnualLimit(String buyer, RuleBook book, String country, LocalDate today, LandedCost cost,
                                  FxTable rates, Map<String, QuoteView.Rate> used) {
        book.find(RuleKind.LIMIT_PER_YEAR, country, null, null, today).ifPresent(rule -> {
            BigDecimal limit = convert(rates, rule.value(), rule.currency(), cost.currency(), used).amount();
            int year = LocalDate.now(clock.withZone(CHINA)).getYear();
            BigDecimal spent = limits.spent(buyer, "CN", year);
            if (spent.add(cost.dutiableValue()).compareTo(limit) > 0) {
                throw new CaravelException(ProblemType.VALIDATION, List.of(new FieldError("lines",
                        "error.checkout.cn-annual-limit", plain(limit), cost.currency(), plain(spent),
                        plain(cost.dutiableValue()))), "error.checkout.limit");
            }
        });
    }

    /** The annual limit in force for China, in CNY, to reserve against when the order is placed. */
    public BigDecimal annualLimit(LocalDate day) {
        return rules.book().find(RuleKind.LIMIT_PER_YEAR, "CN", null, null, day).map(r -> r.value()).orElse(null);
    }

    private static QuoteView.Amounts inBuyerCurrency(FxTable rates, QuoteView.Amounts c, String to,
                                                     Map<String, QuoteView.Rate> used) {
        BigDecimal goods = convert(rates, c.goods(), c.currency(), to, used).amount();
        BigDecimal shipping = convert(rates, c.shipping(), c.currency(), to, used).amount();
        BigDecimal duty = convert(rates, c.duty(), c.currency(), to, used).amount();
        BigDecimal vat = convert(rates, c.vat(), c.currency(), to, used).amount();
        BigDecimal consumption = convert(rates, c.consumptionTax(), c.currency(), to, used).amount();
        return new QuoteView.Amounts(to, goods, shipping, duty, vat, consumption,
                goods.add(shipping).add(duty).add(vat).add(consumption));
    }

    private static FxTable.Conversion convert(FxTable rates, BigDecimal amount, String from, String to,
                                              Map<String, QuoteView.Rate> used) {
        FxTable.Conversion c = rates.convert(amount, from, to)
                .orElseThrow(() -> new CaravelException(ProblemType.UNAVAILABLE, "error.checkout.no-rate", from, to));
        if (!from.equals(to)) {
            used.putIfAbsent(from + to, new QuoteView.Rate(from, to, c.rate(), c.rateDate(), c.source()));
        }
        return c;
    }

    private CatalogProduct published(String id, String field) {
        try {
            return catalog.product(id);
        } catch (CaravelException e) {
            throw CaravelException.invalid(field, "error.checkout.product", id);
        }
    }

    /**
     * The seller's own warehouse when no overseas warehouse serving the destination holds the quantity and the
     * seller does; else a 400 naming the most units one place can ship.
     */
    private StockLocation ownStock(CatalogProduct stock, int quantity, String country, String field) {
        int own = stock.product().getStockOwn();
        if (own >= quantity) {
            return StockLocation.OWN_WAREHOUSE;
        }
        throw CaravelException.invalid(field + ".quantity", "error.checkout.stock",
                Math.max(own, warehouses.mostUnitsFor(stock.id(), country)));
    }

    /** An amount as a person reads it in a message: 26000, 4050.50. */
    static String plain(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, java.math.RoundingMode.HALF_UP);
        return cents.stripTrailingZeros().scale() <= 0 ? cents.setScale(0).toPlainString() : cents.toPlainString();
    }

    static void requireBuyer(Caller caller) {
        if (!caller.hasRole(Roles.BUYER)) {
            throw CaravelException.forbidden();
        }
    }

    private record Priced(CatalogProduct product, int quantity, StockLocation location, Warehouses.Pick warehouse, BigDecimal customsValue,
                          BigDecimal supplierCost) {
    }
}
