package io.caravel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.audit.Detail.Arg;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetailTest {

    @Test
    void aDetailReadsBackAsItWasStored() {
        Detail detail = Detail.of("TASK_DECIDED", Arg.code("task", "reviewApplication"), Arg.code("decision", "APPROVE"))
                .and("NOTE", Arg.text("checked \"by hand\", {0} ok · 好"))
                .and("REASONS", Arg.codes("reason", List.of("FOOD", "HIGH_VOLUME")))
                .and("ANSWER_DUE", Arg.time(Instant.parse("2026-11-29T17:10:00Z")))
                .and("REFUNDED", Arg.money(new BigDecimal("12.50"), "EUR"));

        Detail read = Detail.fromJson(detail.toJson());

        assertThat(read).isEqualTo(detail);
        assertThat(Detail.of("RISK_ASSESSED", Arg.code("risk", "MEDIUM"), Arg.codes("reason", List.of("FOOD"))).toJson())
                .isEqualTo("[[\"RISK_ASSESSED\",[\"risk\",\"MEDIUM\"],[\"reason\",\"FOOD\"]]]");
        assertThat(read.parts().get(1).args().get(0).values()).containsExactly("checked \"by hand\", {0} ok · 好");
        assertThat(read.parts().get(2).args().get(0).kind()).isEqualTo("reason");
        assertThat(read.parts().get(3).args().get(0)).isEqualTo(new Arg(Detail.TIME, List.of("2026-11-29T17:10:00Z")));
        assertThat(read.parts().get(4).args().get(0)).isEqualTo(new Arg(Detail.MONEY, List.of("12.50", "EUR")));
    }

    @Test
    void aPartWithNothingToSayIsLeftOut() {
        Detail detail = Detail.of("TASK", Arg.code("task", "reviewListing"))
                .and("NOTE", Arg.text(null)).and("NOTE", Arg.text("  ")).and("REASONS", Arg.codes("reason", List.of()))
                .andIf(false, "FLAGGED_BEFORE").andIf(true, "DOCUMENTS_COMPLETE");

        assertThat(detail.parts()).extracting(Detail.Part::key).containsExactly("TASK", "DOCUMENTS_COMPLETE");
    }

    @Test
    void aLineWithNothingToAddInWordsKeepsNoParts() {
        assertThat(Detail.NONE.toJson()).isEqualTo("[]");
        assertThat(Detail.fromJson(Detail.NONE.toJson())).isEqualTo(Detail.NONE);
        assertThat(Detail.fromJson("[]").parts()).isEmpty();
    }

    @Test
    void storedTextThatIsNoDetailReadsAsNone() {
        assertThat(Detail.fromJson(null)).isNull();
        assertThat(Detail.fromJson("")).isNull();
        assertThat(Detail.fromJson("missing [REPRESENTATIVE_ID]")).isNull();
        assertThat(Detail.fromJson("[{\"key\": 1}]")).isNull();
        assertThat(Detail.fromJson("[[]]")).isNull();
        assertThat(Detail.fromJson("[[\"KEY\", []]]")).isNull();
        assertThat(Detail.fromJson("[[\"KEY\", [\"kind\", 1]]]")).isNull();
    }
}
