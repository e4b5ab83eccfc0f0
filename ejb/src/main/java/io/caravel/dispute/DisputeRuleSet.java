package io.caravel.dispute;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** One loaded version of the dispute rules, kept as uploaded. */
@Entity(name = "DisputeRuleSet")
@Table(name = "dispute_rule_set")
class DisputeRuleSet {

    @Id
    private int version;
    @Column(nullable = false)
    private String source;
    @Column(nullable = false)
    private String sha256;
    @Lob
    @Column(nullable = false)
    private String content;
    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;
    @Column(name = "loaded_by", nullable = false)
    private String loadedBy;

    protected DisputeRuleSet() {
    }

    DisputeRuleSet(int version, String source, String sha256, String content, Instant loadedAt, String loadedBy) {
        this.version = version;
        this.source = source;
        this.sha256 = sha256;
        this.content = content;
        this.loadedAt = loadedAt;
        this.loadedBy = loadedBy;
    }

    int version() { return version; }
    String source() { return source; }
    String sha256() { return sha256; }
    String content() { return content; }
    Instant loadedAt() { return loadedAt; }
}
