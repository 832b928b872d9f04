package org.caravan.platform;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.util.context.ContextView;

/**
 * One trace id follows a request through the outbox and Kafka into every consumer. It travels as a W3C
 * {@code traceparent} header, and in the Reactor context of the request under {@link #CONTEXT_KEY}.
 */
public final class TraceIds {

    public static final String CONTEXT_KEY = "caravan.traceId";
    public static final String MDC_KEY = "traceId";
    public static final String TRACEPARENT = "traceparent";
    public static final String RESPONSE_HEADER = "X-Trace-Id";

    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    private TraceIds() {}

    public static String newTraceId() {
        return hex(16);
    }

    public static Optional<String> fromTraceparent(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = TRACEPARENT_FORMAT.matcher(header.trim());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A traceparent for a new span (a publication) within the trace. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    public static Optional<String> current(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY).map(Object::toString);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
