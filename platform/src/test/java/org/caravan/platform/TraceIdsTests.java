package org.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdsTests {

    @Test
    void readsTheTraceIdOfAW3cTraceparent() {
        assertThat(TraceIds.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void ignoresAMalformedTraceparent() {
        assertThat(TraceIds.fromTraceparent("not-a-trace")).isEmpty();
        assertThat(TraceIds.fromTraceparent(null)).isEmpty();
    }

    @Test
    void aPublicationContinuesTheTraceWithANewSpan() {
        String traceId = TraceIds.newTraceId();

        String first = TraceIds.traceparent(traceId);
        String second = TraceIds.traceparent(traceId);

        assertThat(TraceIds.fromTraceparent(first)).contains(traceId);
        assertThat(first).isNotEqualTo(second);
    }
}
