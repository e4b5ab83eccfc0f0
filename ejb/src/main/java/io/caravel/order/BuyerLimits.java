package io.caravel.order;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * What each buyer has bought per customs area and calendar year (China's annual limit): read at
 * quote time, reserved atomically when an order is placed (a conditional update, so two orders at
 * once never pass the limit together), given back when the payment is declined.
 */
@Stateless
public class BuyerLimits {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    public BigDecimal spent(String buyer, String area, int year) {
        List<?> rows = em.createNativeQuery("SELECT amount FROM buyer_annual_spend WHERE buyer = ? AND area = ? AND spend_year = ?")
                .setParameter(1, buyer).setParameter(2, area).setParameter(3, year).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO : new BigDecimal(String.valueOf(rows.get(0)));
    }

    /** Adds {@code amount} to the buyer's year if the total stays within {@code limit}; false otherwise. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean reserve(String buyer, String area, int year, BigDecimal amount, BigDecimal limit, String currency) {
        int updated = em.createNativeQuery("UPDATE buyer_annual_spend SET amount = amount + ? WHERE buyer = ? AND area = ?"
                        + " AND spend_year = ? AND amount + ? <= ?")
                .setParameter(1, amount).setParameter(2, buyer).setParameter(3, area).setParameter(4, year)
                .setParameter(5, amount).setParameter(6, limit).executeUpdate();
        if (updated == 1) {
            return true;
        }
        boolean exists = !em.createNativeQuery("SELECT 1 FROM buyer_annual_spend WHERE buyer = ? AND area = ? AND spend_year = ?")
                .setParameter(1, buyer).setParameter(2, area).setParameter(3, year).getResultList().isEmpty();
        if (exists || amount.compareTo(limit) > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO buyer_annual_spend (buyer, area, spend_year, amount, currency) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, buyer).setParameter(2, area).setParameter(3, year).setParameter(4, amount)
                .setParameter(5, currency).executeUpdate();
        return true;
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void release(String buyer, String area, int year, BigDecimal amount) {
        em.createNativeQuery("UPDATE buyer_annual_spend SET amount = amount - ? WHERE buyer = ? AND area = ? AND spend_year = ?")
                .setParameter(1, amount).setParameter(2, buyer).setParameter(3, area).setParameter(4, year).executeUpdate();
    }
}
