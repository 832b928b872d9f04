package org.caravan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

class TraceIdsTests {

    @Test
    void workOutsideAnyObservationBelongsToNoTrace() {
        assertThat(TraceIds.current(Context.empty())).isEmpty();
    }

    @Test
    void anObservationNoTracerHandlesBelongsToNoTrace() {
        Observation untraced = Observation.start("untraced", ObservationRegistry.create());
        try {
            assertThat(TraceIds.current(Context.of(ObservationThreadLocalAccessor.KEY, untraced)))
                    .isEmpty();
        } finally {
            untraced.stop();
        }
    }
}
