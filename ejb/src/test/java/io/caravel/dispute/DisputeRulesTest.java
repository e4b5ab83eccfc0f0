package io.caravel.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dispute rules table: the shipped one reads, the most specific row wins, a broken table names its line. */
class DisputeRulesTest {

    @Test
    void theShippedTableReadsWithAmazonLikeDefaults() throws IOException {
        DisputeRules rules;
        try (InputStream in = DisputeRules.class.getClassLoader().getResourceAsStream(DisputeRules.BUNDLED)) {
            rules = DisputeRules.parse(0, in.readAllBytes());
        }
        assertThat(rules.duration(DisputeRules.Kind.CLAIM_WINDOW, DisputeSource.CLAIM, DisputeReason.DAMAGED))
                .isEqualTo(Duration.ofDays(90));
        assertThat(rules.duration(DisputeRules.Kind.CLAIM_WINDOW, DisputeSource.CLAIM, DisputeReason.UNAUTHORIZED))
                .isEqualTo(Duration.ofDays(120));
        assertThat(rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CHARGEBACK, DisputeReason.DAMAGED))
                .isEqualTo(Duration.ofDays(3));
        assertThat(rules.number(DisputeRules.Kind.DISPUTE_RATE_LIMIT)).isEqualByComparingTo("0.05");
    }

    @Test
    void aNamedSourceBeatsANamedReasonAndBothBeatTheDefault() {
        DisputeRules rules = DisputeRules.parse(3, table("""
                SELLER_RESPONSE,CHARGEBACK,*,P1D,source
                SELLER_RESPONSE,*,DAMAGED,P2D,reason
                SELLER_RESPONSE,CHARGEBACK,DAMAGED,PT6H,both
                """));
        assertThat(rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CHARGEBACK, DisputeReason.DAMAGED))
                .isEqualTo(Duration.ofHours(6));
        assertThat(rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CHARGEBACK, DisputeReason.NOT_RECEIVED))
                .isEqualTo(Duration.ofDays(1));
        assertThat(rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CLAIM, DisputeReason.DAMAGED))
                .isEqualTo(Duration.ofDays(2));
        assertThat(rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CLAIM, DisputeReason.NOT_RECEIVED))
                .isEqualTo(Duration.ofDays(3));
        assertThat(rules.version()).isEqualTo(3);
        assertThat(rules.number(DisputeRules.Kind.BUYER_CLAIMS_LIMIT)).isEqualByComparingTo(BigDecimal.valueOf(3));
    }

    @Test
    void aBrokenTableIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> DisputeRules.parse(1, table("CLAIM_WINDOW,CLAIM,*,ninety days,\n")))
                .isInstanceOf(CaravelException.class).extracting(e -> ((CaravelException) e).arguments()[0]).isEqualTo(13);
        assertThatThrownBy(() -> DisputeRules.parse(1, table("SELLER_RESPONSE,BANK,*,P1D,\n")))
                .isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> DisputeRules.parse(1, "rule,source,reason,value,note\nSELLER_RESPONSE,*,*,P3D,\n"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(CaravelException.class)
                .extracting(e -> String.valueOf(((CaravelException) e).arguments()[1])).asString().contains("no default row");
        assertThatThrownBy(() -> DisputeRules.parse(1, table("DISPUTE_RATE_LIMIT,*,*,-1,\n")))
                .isInstanceOf(CaravelException.class);
    }

    /** The defaults of every rule, then the given rows. */
    private static byte[] table(String rows) {
        return ("""
                rule,source,reason,value,note
                EXPECTED_DELIVERY,*,*,P20D,
                CLAIM_WINDOW,*,*,P90D,
                SELLER_RESPONSE,*,*,P3D,
                REMINDER_BEFORE,*,*,P1D,
                REVIEW_TIME,*,*,P2D,
                APPEAL_WINDOW,*,*,P30D,
                DISPUTE_RATE_LIMIT,*,*,0.05,
                DISPUTE_RATE_MIN_ORDERS,*,*,20,
                DISPUTE_RATE_PERIOD,*,*,P90D,
                BUYER_CLAIMS_LIMIT,*,*,3,
                BUYER_CLAIMS_PERIOD,*,*,P30D,
                """ + rows).getBytes(StandardCharsets.UTF_8);
    }
}
