package io.caravel.monitoring;

import io.caravel.platform.Ids;
import io.caravel.screening.ListSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Screening every active seller, then the consignee of every open order, then every active creator
 * again against a new list release, batch by batch: the cursors (the last seller, order, creator done) move in the transaction
 * that raised that batch's alerts, so a run stopped anywhere continues where it stopped and raises
 * nothing twice.
 */
@Entity(name = "RescreenRun")
@Table(name = "rescreen_run")
public class RescreenRun {

    /** Where a run stands. */
    public enum Status { RUNNING, DONE }

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_source", nullable = false)
    private ListSource list;
    @Column(name = "version_id", nullable = false)
    private String versionId;
    @Column(nullable = false)
    private String version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "after_seller")
    private String afterSeller;
    @Column(name = "sellers_total", nullable = false)
    private int sellersTotal;
    @Column(name = "sellers_done", nullable = false)
    private int sellersDone;
    @Column(name = "after_order")
    private String afterOrder;
    @Column(name = "orders_total", nullable = false)
    private int ordersTotal;
    @Column(name = "orders_done", nullable = false)
    private int ordersDone;
    @Column(name = "after_creator")
    private String afterCreator;
    @Column(name = "creators_total", nullable = false)
    private int creatorsTotal;
    @Column(name = "creators_done", nullable = false)
    private int creatorsDone;
    private int names;
    private int alerts;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected RescreenRun() {
    }

    RescreenRun(ListSource list, String versionId, String version, int sellersTotal, int ordersTotal, int creatorsTotal,
                Instant now) {
        this.ordersTotal = ordersTotal;
        this.creatorsTotal = creatorsTotal;
        this.id = Ids.newId();
        this.list = list;
        this.versionId = versionId;
        this.version = version;
        this.status = Status.RUNNING;
        this.sellersTotal = sellersTotal;
        this.startedAt = now;
    }

    void advance(String lastSeller, int sellers, int namesScreened, int alertsRaised) {
        afterSeller = lastSeller;
        sellersDone += sellers;
        names += namesScreened;
        alerts += alertsRaised;
        sellersTotal = Math.max(sellersTotal, sellersDone);
    }

    void advanceOrders(String lastOrder, int orders, int alertsRaised) {
        afterOrder = lastOrder;
        ordersDone += orders;
        names += orders;
        alerts += alertsRaised;
        ordersTotal = Math.max(ordersTotal, ordersDone);
    }

    void advanceCreators(String lastCreator, int creators, int alertsRaised) {
        afterCreator = lastCreator;
        creatorsDone += creators;
        names += creators;
        alerts += alertsRaised;
        creatorsTotal = Math.max(creatorsTotal, creatorsDone);
    }

    void finish(Instant now) {
        status = Status.DONE;
        finishedAt = now;
    }

    public String id() { return id; }
    public ListSource list() { return list; }
    public String versionId() { return versionId; }
    public String version() { return version; }
    public Status status() { return status; }
    public String afterSeller() { return afterSeller; }
    public int sellersTotal() { return sellersTotal; }
    public int sellersDone() { return sellersDone; }
    public String afterOrder() { return afterOrder; }
    public int ordersTotal() { return ordersTotal; }
    public int ordersDone() { return ordersDone; }
    public String afterCreator() { return afterCreator; }
    public int creatorsTotal() { return creatorsTotal; }
    public int creatorsDone() { return creatorsDone; }
    public int names() { return names; }
    public int alerts() { return alerts; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
}
