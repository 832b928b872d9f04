package org.caravan.tracing.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Traces as a caller outside Caravan starts them: a trace id of its own, sent as a W3C traceparent. */
public final class CallerTraces {

    private CallerTraces() {}

    public static String newTraceId() {
        return hex(16);
    }

    /** The caller's traceparent continuing its trace {@code traceId}, from a new span of its own each time. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    /** The trace a traceparent header names. */
    public static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The span a traceparent header names: the parent of the receiver's span. */
    public static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
