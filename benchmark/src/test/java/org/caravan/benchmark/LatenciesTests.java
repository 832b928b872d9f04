package org.caravan.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatenciesTests {

    @Test
    void percentilesAreNearestRankOfTheSortedLatencies() {
        List<Double> oneToHundred =
                IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList();

        Latencies latencies = Latencies.of(oneToHundred);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p95()).isEqualTo(95.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
        assertThat(latencies.max()).isEqualTo(100.0);
    }

    @Test
    void aSingleLatencyIsEveryPercentile() {
        assertThat(Latencies.of(List.of(7.5))).isEqualTo(new Latencies(1, 7.5, 7.5, 7.5, 7.5));
    }

    @Test
    void noLatenciesHaveNoPercentiles() {
        assertThat(Latencies.of(List.of()).count()).isZero();
        assertThat(Latencies.of(List.of()).p99()).isNaN();
    }
}
