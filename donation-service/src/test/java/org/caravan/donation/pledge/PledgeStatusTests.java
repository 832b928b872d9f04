package org.caravan.donation.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.caravan.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class PledgeStatusTests {

    @Test
    void goodsOnlyMoveForward() {
        assertThat(PledgeStatus.PLEDGED.mayBecome(PledgeStatus.RECEIVED)).isTrue();
        assertThat(PledgeStatus.RECEIVED.mayBecome(PledgeStatus.DISPATCHED)).isTrue();
        assertThat(PledgeStatus.DISPATCHED.mayBecome(PledgeStatus.PARTIALLY_DELIVERED))
                .isTrue();
        assertThat(PledgeStatus.DISPATCHED.mayBecome(PledgeStatus.DELIVERED)).isTrue();
        assertThat(PledgeStatus.PARTIALLY_DELIVERED.mayBecome(PledgeStatus.DELIVERED))
                .isTrue();

        assertThat(PledgeStatus.PLEDGED.mayBecome(PledgeStatus.DISPATCHED)).isFalse();
        assertThat(PledgeStatus.DISPATCHED.mayBecome(PledgeStatus.RECEIVED)).isFalse();
        assertThat(PledgeStatus.PARTIALLY_DELIVERED.mayBecome(PledgeStatus.DISPATCHED))
                .isFalse();
    }

    @Test
    void anOpenPledgeMayBeCancelledOrHeldAndAHeldOneMovedBackToWhereItsGoodsAre() {
        for (PledgeStatus open : PledgeStatus.values()) {
            if (open.open()) {
                assertThat(open.mayBecome(PledgeStatus.CANCELLED))
                        .as(open.name())
                        .isTrue();
                assertThat(open.mayBecome(PledgeStatus.ON_HOLD)).as(open.name()).isTrue();
            }
        }
        assertThat(PledgeStatus.ON_HOLD.mayBecome(PledgeStatus.RECEIVED)).isTrue();
        assertThat(PledgeStatus.ON_HOLD.mayBecome(PledgeStatus.PARTIALLY_DELIVERED))
                .isTrue();
    }

    @Test
    void aCancelledVisitHoldsEveryOpenPledgeNotYetHeld() {
        assertThat(PledgeStatus.holdable())
                .containsExactlyInAnyOrder(
                        PledgeStatus.PLEDGED,
                        PledgeStatus.RECEIVED,
                        PledgeStatus.DISPATCHED,
                        PledgeStatus.PARTIALLY_DELIVERED);
    }

    @Test
    void deliveredAndCancelledAreFinal() {
        for (PledgeStatus closed : new PledgeStatus[] {PledgeStatus.DELIVERED, PledgeStatus.CANCELLED}) {
            assertThat(closed.open()).isFalse();
            assertThat(closed.next()).isEmpty();
            assertThat(catchThrowableOfType(ProblemException.class, () -> closed.requireMayBecome(PledgeStatus.ON_HOLD))
                            .getBody()
                            .getDetail())
                    .endsWith("pledge does not change any more");
        }
    }

    @Test
    void aJumpNoStepMakesIsRefused() {
        assertThat(catchThrowableOfType(
                                ProblemException.class,
                                () -> PledgeStatus.PLEDGED.requireMayBecome(PledgeStatus.DELIVERED))
                        .getBody()
                        .getDetail())
                .isEqualTo("A pledged pledge cannot become DELIVERED");
    }
}
