package io.caravel.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.Ids;
import io.caravel.screening.ListSource;
import io.caravel.screening.ScreeningHit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A possible sanctions match on a party Caravel deals with, open until a review decides it: a hit a
 * re-screen found on an active seller's name (decided by the seller's account review), or on the
 * consignee of an open order, at checkout or by a re-screen ({@code orderId} set; decided by the
 * order's {@code screening-alert} case).
 */
@Entity(name = "MonitoringAlert")
@Table(name = "monitoring_alert")
public class MonitoringAlert {

    /** The review's verdict on the hit. */
    @Schema(name = "AlertDisposition")
    public enum Disposition { TRUE_MATCH, FALSE_POSITIVE }

    @Id
    private String id;
    @Column(name = "run_id")
    private String runId;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Column(name = "order_id")
    private String orderId;
    @Column(name = "screened_name", nullable = false)
    private String screenedName;
    @Column(name = "party_role", nullable = false)
    private String partyRole;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_source", nullable = false)
    private ListSource list;
    @Column(name = "ent_num", nullable = false)
    private long entNum;
    @Column(name = "listed_name", nullable = false)
    private String listedName;
    @Column(name = "matched_name", nullable = false)
    private String matchedName;
    private double score;
    @Column(name = "list_version", nullable = false)
    private String listVersion;
    @Column(name = "entry_fingerprint", nullable = false)
    private String fingerprint;
    @Column(name = "found_at", nullable = false)
    private Instant foundAt;
    @Enumerated(EnumType.STRING)
    private Disposition disposition;
    @Column(name = "disposition_reason")
    private String dispositionReason;
    @Column(name = "disposed_by")
    private String disposedBy;
    @Column(name = "disposed_at")
    private Instant disposedAt;

    protected MonitoringAlert() {
    }

    MonitoringAlert(String runId, String sellerId, String orderId, String screenedName, String partyRole, ScreeningHit hit,
                    String fingerprint, Instant now) {
        this.id = Ids.newId();
        this.runId = runId;
        this.sellerId = sellerId;
        this.orderId = orderId;
        this.screenedName = screenedName;
        this.partyRole = partyRole;
        this.list = hit.list();
        this.entNum = hit.entNum();
        this.listedName = cut(hit.listedName());
        this.matchedName = cut(hit.matchedName());
        this.score = hit.score();
        this.listVersion = hit.listVersion();
        this.fingerprint = fingerprint;
        this.foundAt = now;
    }

    private static String cut(String text) {
        return text.length() > 400 ? text.substring(0, 400) : text;
    }

    void dispose(Disposition verdict, String reason, String by, Instant at) {
        disposition = verdict;
        dispositionReason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        disposedBy = by;
        disposedAt = at;
    }

    public String id() { return id; }
    /** The re-screen run that found it (null: found when the order was placed). */
    public String runId() { return runId; }
    public String sellerId() { return sellerId; }
    /** The order whose consignee was screened (null: a seller's own name). */
    public String orderId() { return orderId; }
    public String screenedName() { return screenedName; }
    public String partyRole() { return partyRole; }
    public ListSource list() { return list; }
    public long entNum() { return entNum; }
    public String listedName() { return listedName; }
    public String matchedName() { return matchedName; }
    public double score() { return score; }
    public String listVersion() { return listVersion; }
    public String fingerprint() { return fingerprint; }
    public Instant foundAt() { return foundAt; }
    public Disposition disposition() { return disposition; }
    public String dispositionReason() { return dispositionReason; }
    public String disposedBy() { return disposedBy; }
    public Instant disposedAt() { return disposedAt; }
}
