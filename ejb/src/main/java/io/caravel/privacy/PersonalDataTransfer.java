package io.caravel.privacy;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A cross-border transfer of a buyer's personal data, recorded per order when it is paid: the
 * consignee's data leaves the buyer's country for the seller's (and its carrier and customs), for
 * PIPL and GDPR reporting.
 */
@Entity(name = "PersonalDataTransfer")
@Table(name = "personal_data_transfer")
public class PersonalDataTransfer {

    /** What an order's transfer carries. */
    public static final String CATEGORIES = "name, phone, address, ID number (China), order contents";
    /** Why: the buyer's contract of sale needs the parcel delivered and declared (GDPR Art. 49(1)(b); PIPL Art. 13(2)). */
    public static final String BASIS = "performance of the contract with the buyer";

    @Id
    private String id;
    @Column(name = "order_id", nullable = false)
    private String orderId;
    @Column(nullable = false)
    private String subject;
    @Column(name = "from_country", nullable = false)
    private String fromCountry;
    @Column(name = "to_country", nullable = false)
    private String toCountry;
    @Column(name = "recipient_id", nullable = false)
    private String recipientId;
    private String categories;
    @Column(name = "legal_basis")
    private String legalBasis;
    @Column(name = "transferred_at", nullable = false)
    private Instant transferredAt;

    protected PersonalDataTransfer() {
    }

    PersonalDataTransfer(String orderId, String subject, String fromCountry, String toCountry, String recipientId, Instant at) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.subject = subject;
        this.fromCountry = fromCountry;
        this.toCountry = toCountry;
        this.recipientId = recipientId;
        this.categories = CATEGORIES;
        this.legalBasis = BASIS;
        this.transferredAt = at;
    }

    public String id() { return id; }
    public String orderId() { return orderId; }
    public String subject() { return subject; }
    public String fromCountry() { return fromCountry; }
    public String toCountry() { return toCountry; }
    public String recipientId() { return recipientId; }
    public String categories() { return categories; }
    public String legalBasis() { return legalBasis; }
    public Instant transferredAt() { return transferredAt; }
}
