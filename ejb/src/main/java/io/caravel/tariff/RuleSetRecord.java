package io.caravel.tariff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One loaded version of the landed-cost rule table: where it came from, its checksum, who loaded it when. */
@Entity(name = "LandedCostRuleSet")
@Table(name = "landed_cost_rule_set")
public class RuleSetRecord {

    @Id
    private int version;
    @Column(nullable = false)
    private String source;
    @Column(nullable = false)
    private String sha256;
    @Column(name = "rule_count", nullable = false)
    private int ruleCount;
    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;
    @Column(name = "loaded_by", nullable = false)
    private String loadedBy;

    protected RuleSetRecord() {
    }

    RuleSetRecord(int version, String source, String sha256, int ruleCount, Instant loadedAt, String loadedBy) {
        this.version = version;
        this.source = source;
        this.sha256 = sha256;
        this.ruleCount = ruleCount;
        this.loadedAt = loadedAt;
        this.loadedBy = loadedBy;
    }

    public int version() { return version; }
    public String source() { return source; }
    public String sha256() { return sha256; }
    public int ruleCount() { return ruleCount; }
    public Instant loadedAt() { return loadedAt; }
    public String loadedBy() { return loadedBy; }
}
