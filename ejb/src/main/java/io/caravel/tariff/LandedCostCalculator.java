package io.caravel.tariff;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Computes the landed cost of one parcel from a {@link RuleBook}; every number comes from the rules
 * in force on the day. Formulas (customs currency, each total rounded half-up to cents):
 * <ul>
 * <li>China (9610/1210): duty 0; consumption tax = value / (1 − rate) × rate; VAT = (value + consumption
 * tax) × VAT rate; both × the tax factor (0.7). Value = goods + shipping. Above the per-order limit: refused.</li>
 * <li>EU up to the IOSS maximum (goods alone): duty = the per-subheading amount × distinct HS subheadings
 * (from 1 Jul 2026); VAT = (goods + shipping + duty) × the buyer country's rate. Above: duty = rate × (goods +
 * shipping), VAT = (goods + shipping + duty) × rate (H1).</li>
 * <li>UK up to the VAT-at-sale maximum (goods alone): VAT = (goods + shipping) × rate, no duty. Above: duty on
 * goods + shipping, VAT on goods + shipping + duty.</li>
 * <li>US: duty = rate × goods (FOB value, shipping excluded); no import VAT. Below a de minimis amount in force: no duty.</li>
 * </ul>
 * Shipping is split over the items by value where duty or tax rates differ per item.
 */
public final class LandedCostCalculator {

    /** One item of the parcel: its HS code, its value (quantity included) in the customs currency and its weight. */
    @Schema(name = "LandedCostItem")
    public record Item(String hsCode, BigDecimal value, int weightGrams) {
    }

    /** A parcel to the destination country, shipped by a method, on a day; {@code bonded}: from a bonded warehouse in the destination. */
    public record Parcel(String country, LocalDate day, String method, boolean bonded, List<Item> items) {
    }

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal GRAMS_PER_KG = BigDecimal.valueOf(1000);

    private final RuleBook book;
    /** Converts an amount in a currency into the parcel's customs currency. */
    private final BiFunction<BigDecimal, String, BigDecimal> toCustomsCurrency;

    public LandedCostCalculator(RuleBook book, BiFunction<BigDecimal, String, BigDecimal> toCustomsCurrency) {
        this.book = book;
        this.toCustomsCurrency = toCustomsCurrency;
    }

    public LandedCost compute(Parcel parcel) {
        String area = Destinations.area(parcel.country());
        String currency = Destinations.customsCurrency(area);
        Set<String> used = new LinkedHashSet<>();
        BigDecimal goods = cents(parcel.items().stream().map(Item::value).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal shipping = shipping(parcel, used);
        BigDecimal withShipping = goods.add(shipping);
        return switch (area) {
            case "CN" -> china(parcel, currency, goods, shipping, used);
            case Destinations.EU -> {
                BigDecimal iossMax = amount(RuleKind.IOSS_MAX, parcel, null, used);
                if (goods.compareTo(iossMax) <= 0) {
                    BigDecimal duty = book.find(RuleKind.LOW_VALUE_DUTY_PER_SUBHEADING, parcel.country(), null, null, parcel.day())
                            .map(r -> {
                                used.add(r.label());
                                long subheadings = parcel.items().stream()
                                        .map(i -> i.hsCode().substring(0, Math.min(6, i.hsCode().length()))).distinct().count();
                                return cents(toCustomsCurrency.apply(r.value(), r.currency()).multiply(BigDecimal.valueOf(subheadings)));
                            }).orElse(BigDecimal.ZERO);
                    BigDecimal vat = cents(withShipping.add(duty).multiply(rate(RuleKind.VAT, parcel, null, used)));
                    yield cost(Regime.EU_IOSS, currency, goods, shipping, duty, vat, BigDecimal.ZERO, withShipping, used);
                }
                BigDecimal duty = dutyByItem(parcel, shipping, used);
                BigDecimal vat = cents(withShipping.add(duty).multiply(rate(RuleKind.VAT, parcel, null, used)));
                yield cost(Regime.EU_H1, currency, goods, shipping, duty, vat, BigDecimal.ZERO, withShipping, used);
            }
            case "GB" -> {
                BigDecimal atSaleMax = amount(RuleKind.VAT_AT_SALE_MAX, parcel, null, used);
                BigDecimal vatRate = rate(RuleKind.VAT, parcel, null, used);
                if (goods.compareTo(atSaleMax) <= 0) {
                    yield cost(Regime.UK_VAT_AT_SALE, currency, goods, shipping, BigDecimal.ZERO,
                            cents(withShipping.multiply(vatRate)), BigDecimal.ZERO, withShipping, used);
                }
                BigDecimal duty = dutyByItem(parcel, shipping, used);
                yield cost(Regime.UK_IMPORT, currency, goods, shipping, duty, cents(withShipping.add(duty).multiply(vatRate)),
                        BigDecimal.ZERO, withShipping, used);
            }
            case "US" -> {
                BigDecimal deMinimis = amount(RuleKind.DE_MINIMIS, parcel, null, used);
                if (deMinimis.signum() > 0 && goods.compareTo(deMinimis) <= 0) {
                    yield cost(Regime.US_DE_MINIMIS, currency, goods, shipping, BigDecimal.ZERO, BigDecimal.ZERO,
                            BigDecimal.ZERO, goods, used);
                }
                BigDecimal duty = dutyByItem(parcel, BigDecimal.ZERO, used);
                yield cost(Regime.US_ENTRY, currency, goods, shipping, duty, BigDecimal.ZERO, BigDecimal.ZERO, goods, used);
            }
            default -> throw notServed(parcel.country());
        };
    }

    private LandedCost china(Parcel parcel, String currency, BigDecimal goods, BigDecimal shipping, Set<String> used) {
        BigDecimal value = goods.add(shipping);
        BigDecimal limit = amount(RuleKind.LIMIT_PER_ORDER, parcel, null, used);
        if (value.compareTo(limit) > 0) {
            throw new CaravelException(ProblemType.VALIDATION, List.of(new CaravelException.FieldError("lines",
                    "error.checkout.cn-order-limit", limit.stripTrailingZeros().toPlainString(), currency, value.toPlainString())),
                    "error.checkout.limit");
        }
        BigDecimal factor = rate(RuleKind.TAX_FACTOR, parcel, null, used);
        BigDecimal vatRate = rate(RuleKind.VAT, parcel, null, used);
        BigDecimal duty = BigDecimal.ZERO;
        book.find(RuleKind.DUTY, parcel.country(), null, null, parcel.day()).ifPresent(r -> used.add(r.label()));
        BigDecimal consumption = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        for (Item item : parcel.items()) {
            BigDecimal itemValue = item.value().add(share(shipping, item.value(), goods));
            BigDecimal ctRate = book.find(RuleKind.CONSUMPTION_TAX, parcel.country(), item.hsCode(), null, parcel.day())
                    .map(r -> {
                        used.add(r.label());
                        return r.value();
                    }).orElse(BigDecimal.ZERO);
            BigDecimal ct = ctRate.signum() == 0 ? BigDecimal.ZERO
                    : itemValue.divide(BigDecimal.ONE.subtract(ctRate), MC).multiply(ctRate, MC);
            consumption = consumption.add(ct);
            vat = vat.add(itemValue.add(ct).multiply(vatRate, MC));
        }
        Regime regime = parcel.bonded() ? Regime.CN_1210 : Regime.CN_9610;
        return cost(regime, currency, goods, shipping, duty, cents(vat.multiply(factor, MC)),
                cents(consumption.multiply(factor, MC)), value, used);
    }

    /** Duty per item at its HS heading's rate on its value plus its share of {@code shipping}. */
    private BigDecimal dutyByItem(Parcel parcel, BigDecimal shipping, Set<String> used) {
        BigDecimal goods = parcel.items().stream().map(Item::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal duty = BigDecimal.ZERO;
        for (Item item : parcel.items()) {
            BigDecimal rate = rate(RuleKind.DUTY, parcel, item.hsCode(), used);
            duty = duty.add(item.value().add(share(shipping, item.value(), goods)).multiply(rate, MC));
        }
        return cents(duty);
    }

    private BigDecimal shipping(Parcel parcel, Set<String> used) {
        int grams = parcel.items().stream().mapToInt(Item::weightGrams).sum();
        BigDecimal kilos = BigDecimal.valueOf(grams).divide(GRAMS_PER_KG, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
        BigDecimal base = amount(RuleKind.SHIPPING_BASE, parcel, parcel.method(), used);
        BigDecimal perKg = amount(RuleKind.SHIPPING_PER_KG, parcel, parcel.method(), used);
        return cents(base.add(perKg.multiply(kilos)));
    }

    private LandedCostRule rule(RuleKind kind, Parcel parcel, String hsCode, String method, Set<String> used) {
        LandedCostRule rule = book.find(kind, parcel.country(), hsCode, method, parcel.day())
                .orElseThrow(() -> kind.name().startsWith("SHIPPING") && method != null
                        && book.find(kind, parcel.country(), hsCode, null, parcel.day()).isEmpty()
                        && book.serves(parcel.country(), parcel.day())
                        ? CaravelException.invalid("shippingMethod", "error.checkout.shipping-method", method)
                        : notServed(parcel.country()));
        used.add(rule.label());
        return rule;
    }

    private BigDecimal rate(RuleKind kind, Parcel parcel, String hsCode, Set<String> used) {
        return rule(kind, parcel, hsCode, null, used).value();
    }

    private BigDecimal amount(RuleKind kind, Parcel parcel, String method, Set<String> used) {
        LandedCostRule rule = rule(kind, parcel, null, method, used);
        return toCustomsCurrency.apply(rule.value(), rule.currency());
    }

    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : amount.multiply(part, MC).divide(whole, MC);
    }

    private LandedCost cost(Regime regime, String currency, BigDecimal goods, BigDecimal shipping, BigDecimal duty,
                            BigDecimal vat, BigDecimal consumption, BigDecimal dutiable, Set<String> used) {
        return new LandedCost(regime, currency, goods, shipping, duty, vat, consumption, dutiable, book.version(),
                new ArrayList<>(used));
    }

    private static CaravelException notServed(String country) {
        return CaravelException.invalid("destinationCountry", "error.checkout.destination", country);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
