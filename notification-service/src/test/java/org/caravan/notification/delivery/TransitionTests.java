package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.caravan.notification.delivery.Transition.Status;
import org.junit.jupiter.api.Test;

class TransitionTests {

    @Test
    void aQueuedDeliveryIsSentDeferredRetriedLaterSkippedOrFailed() {
        assertThat(from(Status.QUEUED))
                .containsExactlyInAnyOrder(
                        Transition.SEND,
                        Transition.DEFER,
                        Transition.FAIL_FOR_NOW,
                        Transition.SKIP,
                        Transition.FAIL_FOR_GOOD);
    }

    @Test
    void onlyAFailedDeliveryIsQueuedAgainByAnOperator() {
        assertThat(from(Status.FAILED)).containsExactly(Transition.RETRY);
        assertThat(Transition.RETRY.to()).isEqualTo(Status.QUEUED);
    }

    @Test
    void aSentDeliveryIsOnlyReadAndStaysSent() {
        assertThat(from(Status.SENT)).containsExactly(Transition.READ);
        assertThat(Transition.READ.to()).isEqualTo(Status.SENT);
    }

    @Test
    void aSkippedDeliveryIsDone() {
        assertThat(from(Status.SKIPPED)).isEmpty();
    }

    @Test
    void aDeliveryThatMayStillGoStaysQueued() {
        assertThat(Transition.DEFER.to()).isEqualTo(Status.QUEUED);
        assertThat(Transition.FAIL_FOR_NOW.to()).isEqualTo(Status.QUEUED);
    }

    @Test
    void operatorsSeeTheStepsTheyAlwaysHave() {
        assertThat(Arrays.stream(Transition.values()).map(Transition::step))
                .containsExactly("DEFERRED", "SENT", "SKIPPED", "RETRYING", "FAILED", "QUEUED", "READ");
        assertThat(Transition.FIRST).isEqualTo(Status.QUEUED);
    }

    private static Transition[] from(Status status) {
        return Arrays.stream(Transition.values())
                .filter(transition -> transition.from() == status)
                .toArray(Transition[]::new);
    }
}
