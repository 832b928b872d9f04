package org.caravan.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of latencies in milliseconds, nearest rank. */
record Latencies(int count, double p50, double p95, double p99, double max) {

    static final Latencies NONE = new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Latencies of(Collection<Double> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(
                sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
