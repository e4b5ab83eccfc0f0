package io.caravel.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToFiftyFromTheStart() {
        PageRequest page = PageRequest.of(null, null);
        assertThat(page.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(page.after()).isNull();
    }

    @Test
    void aCursorRoundTrips() {
        String cursor = PageRequest.cursorAfter("seller-a|2026");
        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(PageRequest.of(10, cursor).after()).isEqualTo("seller-a|2026");
    }

    @Test
    void limitsOutsideTheRangeAreInvalid() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(CaravelException.class)
                .satisfies(e -> assertThat(((CaravelException) e).type()).isEqualTo(ProblemType.VALIDATION));
        assertThatThrownBy(() -> PageRequest.of(PageRequest.MAX_LIMIT + 1, null)).isInstanceOf(CaravelException.class);
        assertThat(PageRequest.of(PageRequest.MAX_LIMIT, null).limit()).isEqualTo(PageRequest.MAX_LIMIT);
    }

    @Test
    void aForeignCursorIsInvalid() {
        assertThatThrownBy(() -> PageRequest.of(5, "***")).isInstanceOf(CaravelException.class)
                .satisfies(e -> assertThat(((CaravelException) e).fieldErrors()).extracting("field").containsExactly("cursor"));
    }

    @Test
    void containerStatusesMapToStableTypes() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
        assertThat(ProblemType.NOT_FOUND.uri().toString()).isEqualTo("https://caravel.io/problems/not-found");
    }
}
