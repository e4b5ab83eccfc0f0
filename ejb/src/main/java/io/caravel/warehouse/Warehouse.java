package io.caravel.warehouse;

import io.caravel.platform.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * An overseas warehouse on the platform (海外仓): where sellers send goods ahead of orders, counted in by
 * its staff, and from where orders to its country (or customs area) ship. A warehouse in China is a
 * bonded warehouse: orders to China served from it are bonded imports (1210).
 */
@Entity(name = "Warehouse")
@Table(name = "warehouse")
public class Warehouse {

    @Id
    private String id;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    /** ISO country; null only for stock sellers declared before warehouses existed. */
    private String country;
    private String address;
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "warehouse_staff", joinColumns = @JoinColumn(name = "warehouse_id"))
    @Column(name = "username")
    private Set<String> staff = new TreeSet<>();
    @Version
    private int version;

    protected Warehouse() {
    }

    Warehouse(String code, String name, String country, String address, Instant now) {
        this.id = Ids.newId();
        this.code = code;
        this.createdAt = now;
        this.active = true;
        describe(name, country, address);
    }

    void describe(String name, String country, String address) {
        this.name = name;
        this.country = country;
        this.address = address;
    }

    void activate(boolean active) {
        this.active = active;
    }

    void staff(Set<String> usernames) {
        staff.clear();
        staff.addAll(usernames);
    }

    public String id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public String country() { return country; }
    public String address() { return address; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Set<String> staff() { return Set.copyOf(staff); }
    public int version() { return version; }
}
