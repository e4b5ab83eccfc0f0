package io.caravel.fx;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One reference rate: units of a currency per 1 EUR on a day, from a named source. */
@Entity(name = "FxRate")
@Table(name = "fx_rate")
public class FxRate {

    @Id
    private String id;
    @Column(nullable = false)
    private String currency;
    @Column(name = "rate_date", nullable = false)
    private LocalDate rateDate;
    @Column(nullable = false)
    private BigDecimal rate;
    @Column(nullable = false)
    private String source;
    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;
    @Column(name = "loaded_by", nullable = false)
    private String loadedBy;

    protected FxRate() {
    }

    FxRate(String currency, LocalDate rateDate, BigDecimal rate, String source, Instant loadedAt, String loadedBy) {
        this.id = key(currency, rateDate);
        this.currency = currency;
        this.rateDate = rateDate;
        replace(rate, source, loadedAt, loadedBy);
    }

    static String key(String currency, LocalDate date) {
        return currency + ":" + date;
    }

    void replace(BigDecimal rate, String source, Instant loadedAt, String loadedBy) {
        this.rate = rate;
        this.source = source;
        this.loadedAt = loadedAt;
        this.loadedBy = loadedBy;
    }

    public String currency() { return currency; }
    public LocalDate rateDate() { return rateDate; }
    public BigDecimal rate() { return rate; }
    public String source() { return source; }
    public Instant loadedAt() { return loadedAt; }
}
