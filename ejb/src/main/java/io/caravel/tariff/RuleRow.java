package io.caravel.tariff;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One stored row of a version of the landed-cost rule table. */
@Entity(name = "LandedCostRuleRow")
@Table(name = "landed_cost_rule")
class RuleRow {

    @Id
    private String id;
    @Column(name = "set_version", nullable = false)
    private int setVersion;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RuleKind kind;
    @Column(nullable = false)
    private String area;
    @Column(name = "hs_prefix")
    private String hsPrefix;
    private String method;
    @Column(name = "rule_value", nullable = false)
    private BigDecimal value;
    private String currency;
    @Column(name = "effective_from", nullable = false)
    private LocalDate from;
    @Column(name = "effective_to")
    private LocalDate to;
    private String note;

    protected RuleRow() {
    }

    RuleRow(int setVersion, int lineNo, LandedCostRule rule) {
        this.id = Ids.newId();
        this.setVersion = setVersion;
        this.lineNo = lineNo;
        this.kind = rule.kind();
        this.area = rule.area();
        this.hsPrefix = rule.hsPrefix();
        this.method = rule.method();
        this.value = rule.value();
        this.currency = rule.currency();
        this.from = rule.from();
        this.to = rule.to();
        this.note = rule.note();
    }

    LandedCostRule rule() {
        return new LandedCostRule(kind, area, hsPrefix, method, value.stripTrailingZeros(), currency, from, to, note);
    }
}
