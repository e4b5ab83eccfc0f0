package io.caravel.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A provider event already applied: a second delivery of the same event id changes nothing. */
@Entity(name = "PaymentEvent")
@Table(name = "payment_event")
@IdClass(PaymentEventRecord.Key.class)
class PaymentEventRecord {

    /** Provider and event id. */
    public static class Key implements Serializable {
        private String provider;
        private String eventId;

        public Key() {
        }

        Key(String provider, String eventId) {
            this.provider = provider;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.provider.equals(provider) && k.eventId.equals(eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, eventId);
        }
    }

    @Id
    private String provider;
    @Id
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "payment_id", nullable = false)
    private String paymentId;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected PaymentEventRecord() {
    }

    PaymentEventRecord(String provider, String eventId, String paymentId, String eventType, Instant receivedAt) {
        this.provider = provider;
        this.eventId = eventId;
        this.paymentId = paymentId;
        this.eventType = eventType;
        this.receivedAt = receivedAt;
    }
}
