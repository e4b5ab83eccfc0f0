package io.caravel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsOutputFilterTest {

    @Test
    void eachSeriesAndCommentAppearsOnce() {
        String payara = """
                # TYPE thread_count gauge
                # HELP thread_count Displays the current thread count.
                thread_count{mp_scope="base"} 158.0
                # TYPE gc_total counter
                gc_total{mp_scope="base",name="G1 Young Generation"} 101.0
                gc_total{mp_scope="base",name="G1 Old Generation"} 9.0
                # TYPE caravel_engine_open_tasks gauge
                caravel_engine_open_tasks{mp_scope="application"} 5
                thread_count{mp_scope="base"} 159.0
                gc_total{mp_scope="base",name="G1 Young Generation"} 102.0
                gc_total{mp_scope="base",name="G1 Old Generation"} 9.0
                """;
        assertThat(MetricsOutputFilter.withoutDuplicates(payara)).isEqualTo("""
                # TYPE thread_count gauge
                # HELP thread_count Displays the current thread count.
                thread_count{mp_scope="base"} 158.0
                # TYPE gc_total counter
                gc_total{mp_scope="base",name="G1 Young Generation"} 101.0
                gc_total{mp_scope="base",name="G1 Old Generation"} 9.0
                # TYPE caravel_engine_open_tasks gauge
                caravel_engine_open_tasks{mp_scope="application"} 5
                """);
    }

    @Test
    void seriesWithoutLabelsAndLabelValuesWithSpacesAreKeptApart() {
        String text = "up 1\nup 2\nx{name=\"a b\"} 1\nx{name=\"a c\"} 2\n";
        assertThat(MetricsOutputFilter.withoutDuplicates(text)).isEqualTo("up 1\nx{name=\"a b\"} 1\nx{name=\"a c\"} 2\n");
    }
}
