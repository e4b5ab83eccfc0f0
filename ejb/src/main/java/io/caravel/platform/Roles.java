package io.caravel.platform;

import java.util.List;

/** The roles of Caravel (see docs/architecture.md, Security). */
public final class Roles {

    public static final String SELLER = "seller";
    public static final String BUYER = "buyer";
    /** Shares products through referral links and earns a commission on the orders they bring. */
    public static final String CREATOR = "creator";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String COMPLIANCE_LEAD = "compliance-lead";
    public static final String CUSTOMS_AGENT = "customs-agent";
    public static final String DISPUTE_AGENT = "dispute-agent";
    public static final String ADMIN = "admin";
    /** Counts inbound shipments in at the overseas warehouses an administrator names them staff of. */
    public static final String WAREHOUSE = "warehouse";
    /** Monitoring: reads metrics, nothing else (for a Prometheus scraper's account). */
    public static final String OPERATOR = "operator";

    public static final List<String> ALL = List.of(SELLER, BUYER, COMPLIANCE_OFFICER, COMPLIANCE_LEAD,
            CUSTOMS_AGENT, DISPUTE_AGENT, ADMIN, OPERATOR, CREATOR, WAREHOUSE);

    private Roles() {
    }
}
