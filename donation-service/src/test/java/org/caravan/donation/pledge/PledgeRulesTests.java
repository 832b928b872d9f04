package org.caravan.donation.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.PledgeLine;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PledgeRulesTests {

    private static final UUID VISIT = UUID.fromString("00000000-0000-0000-0000-000000000926");

    @Test
    void aPledgeIsAsFarAsItsFurthestLineWentAndDeliveredOnceEveryLineIs() {
        assertThat(PledgeRules.statusOf(List.of(books(0, 0, 0), stationery(0, 0, 0))))
                .isEqualTo(PledgeStatus.PLEDGED);
        assertThat(PledgeRules.statusOf(List.of(books(1, 0, 0), stationery(0, 0, 0))))
                .isEqualTo(PledgeStatus.RECEIVED);
        assertThat(PledgeRules.statusOf(List.of(books(500, 1, 0), stationery(20, 0, 0))))
                .isEqualTo(PledgeStatus.DISPATCHED);
        assertThat(PledgeRules.statusOf(List.of(books(500, 500, 500), stationery(20, 20, 0))))
                .isEqualTo(PledgeStatus.PARTIALLY_DELIVERED);
        assertThat(PledgeRules.statusOf(List.of(books(510, 510, 510), stationery(20, 20, 20))))
                .isEqualTo(PledgeStatus.DELIVERED);
    }

    @Test
    void itemsGoFromPledgeToDeliveryInParts() {
        PledgeSnapshot pledge = pledge(PledgeStatus.PLEDGED, books(0, 0, 0), stationery(0, 0, 0));

        assertThat(PledgeRules.afterStep(pledge, Step.RECEIVE, quantities(1, 300, 2, 20), null))
                .isEqualTo(PledgeStatus.RECEIVED);
        pledge = pledge(PledgeStatus.RECEIVED, books(500, 0, 0), stationery(20, 0, 0));
        assertThat(PledgeRules.afterStep(pledge, Step.DISPATCH, quantities(1, 500, 2, 20), null))
                .isEqualTo(PledgeStatus.DISPATCHED);
        pledge = pledge(PledgeStatus.DISPATCHED, books(500, 500, 0), stationery(20, 20, 0));
        assertThat(PledgeRules.afterStep(pledge, Step.DELIVER, quantities(1, 300), null))
                .isEqualTo(PledgeStatus.PARTIALLY_DELIVERED);
        pledge = pledge(PledgeStatus.PARTIALLY_DELIVERED, books(500, 500, 300), stationery(20, 20, 0));
        assertThat(PledgeRules.afterStep(pledge, Step.DELIVER, quantities(1, 200, 2, 20), null))
                .isEqualTo(PledgeStatus.DELIVERED);
    }

    @Test
    void aStepMovesOnlyTheLinesItNamesByTheirQuantities() {
        List<PledgeLine> moved =
                PledgeRules.moved(List.of(books(500, 100, 0), stationery(20, 0, 0)), Step.DISPATCH, quantities(1, 50));

        assertThat(moved).containsExactly(books(500, 150, 0), stationery(20, 0, 0));
    }

    @Test
    void nothingIsDispatchedBeyondWhatWasReceivedAndEveryOffendingLineIsNamed() {
        PledgeSnapshot pledge = pledge(PledgeStatus.RECEIVED, books(100, 0, 0), stationery(0, 0, 0));

        ProblemException refused =
                refused(() -> PledgeRules.afterStep(pledge, Step.DISPATCH, quantities(1, 101, 2, 1), null));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().getDetail())
                .contains("line 1 (Books): dispatched would be 101, more than the 100 received")
                .contains("line 2 (Stationery sets): dispatched would be 1, more than the 0 received");
        assertThat((List<?>) refused.getBody().getProperties().get("violations"))
                .hasSize(2);
    }

    @Test
    void nothingIsDeliveredBeyondWhatWasDispatched() {
        assertThat(PledgeRules.violations(List.of(books(100, 0, 0)), Step.DELIVER, quantities(1, 1), null))
                .containsExactly("line 1 (Books): delivered would be 1, more than the 0 dispatched");
    }

    @Test
    void receivingMoreThanPledgedNeedsAReason() {
        List<PledgeLine> lines = List.of(books(100, 0, 0));

        assertThat(PledgeRules.violations(lines, Step.RECEIVE, quantities(1, 401), null))
                .containsExactly("line 1 (Books): received would be 501, more than the 500 pledged"
                        + " (give overDeliveryReason for an over-delivery)");
        assertThat(PledgeRules.violations(lines, Step.RECEIVE, quantities(1, 410), "The publisher added 10 atlases"))
                .isEmpty();
    }

    @Test
    void aReasonDoesNotLetMoreBeDispatchedOrDeliveredThanTheStepBefore() {
        assertThat(PledgeRules.violations(List.of(books(100, 0, 0)), Step.DISPATCH, quantities(1, 101), "extra"))
                .hasSize(1);
        assertThat(PledgeRules.violations(List.of(books(100, 100, 0)), Step.DELIVER, quantities(1, 101), "extra"))
                .hasSize(1);
    }

    @Test
    void aLineThePledgeHasNotOrOneNamedTwiceIsRefused() {
        List<PledgeLine> lines = List.of(books(0, 0, 0));

        assertThat(PledgeRules.violations(lines, Step.RECEIVE, quantities(3, 1), null))
                .containsExactly("the pledge has no line 3");
        assertThat(PledgeRules.violations(lines, Step.RECEIVE, quantities(1, 1, 1, 1), null))
                .containsExactly("line 1 is named twice");
    }

    @Test
    void aDeliveredOrCancelledPledgeTakesNoStepAndNoMove() {
        for (PledgeStatus closed : List.of(PledgeStatus.DELIVERED, PledgeStatus.CANCELLED)) {
            PledgeSnapshot pledge = pledge(closed, books(500, 500, 500));

            for (Step step : Step.values()) {
                assertThat(refused(() -> PledgeRules.afterStep(pledge, step, quantities(1, 1), null))
                                .getBody()
                                .getTitle())
                        .isEqualTo("Pledge is " + closed);
            }
            assertThat(refused(() -> PledgeRules.afterMove(pledge, UUID.randomUUID()))
                            .getBody()
                            .getDetail())
                    .isEqualTo("A " + closed.name().toLowerCase() + " pledge does not change any more");
        }
    }

    @Test
    void anOnHoldPledgeStillTakesItemsIntoStorageAndStaysOnHold() {
        PledgeSnapshot held = pledge(PledgeStatus.ON_HOLD, books(200, 0, 0));

        assertThat(PledgeRules.afterStep(held, Step.RECEIVE, quantities(1, 100), null))
                .isEqualTo(PledgeStatus.ON_HOLD);
    }

    @Test
    void anOnHoldPledgeIsNeitherDispatchedNorDeliveredUntilMoved() {
        PledgeSnapshot held = pledge(PledgeStatus.ON_HOLD, books(200, 100, 0));

        assertThat(refused(() -> PledgeRules.afterStep(held, Step.DISPATCH, quantities(1, 1), null))
                        .getBody()
                        .getTitle())
                .isEqualTo("Pledge is ON_HOLD");
        assertThat(refused(() -> PledgeRules.afterStep(held, Step.DELIVER, quantities(1, 1), null))
                        .getBody()
                        .getTitle())
                .isEqualTo("Pledge is ON_HOLD");
    }

    @Test
    void aMovedPledgeTakesTheStatusItsLinesImply() {
        assertThat(PledgeRules.afterMove(pledge(PledgeStatus.ON_HOLD, books(200, 0, 0)), UUID.randomUUID()))
                .isEqualTo(PledgeStatus.RECEIVED);
        assertThat(PledgeRules.afterMove(pledge(PledgeStatus.ON_HOLD, books(0, 0, 0)), UUID.randomUUID()))
                .isEqualTo(PledgeStatus.PLEDGED);
    }

    @Test
    void aPledgeIsNotMovedToTheVisitItIsAlreadyFor() {
        assertThat(refused(() -> PledgeRules.afterMove(pledge(PledgeStatus.RECEIVED, books(200, 0, 0)), VISIT))
                        .getBody()
                        .getTitle())
                .isEqualTo("Already there");
    }

    private static ProblemException refused(Runnable rule) {
        return catchThrowableOfType(ProblemException.class, rule::run);
    }

    private static PledgeSnapshot pledge(PledgeStatus status, PledgeLine... lines) {
        return new PledgeSnapshot(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "华章同人 Huazhang reading team",
                "liaison-huazhang",
                VISIT,
                UUID.randomUUID(),
                "蒲公英中学 Dandelion School",
                status.name(),
                List.of(lines));
    }

    private static PledgeLine books(long received, long dispatched, long delivered) {
        return new PledgeLine(1, "BOOKS", "Books", 500, "books", null, received, dispatched, delivered);
    }

    private static PledgeLine stationery(long received, long dispatched, long delivered) {
        return new PledgeLine(2, "STATIONERY", "Stationery sets", 20, "sets", null, received, dispatched, delivered);
    }

    private static List<ItemQuantity> quantities(long... lineThenQuantity) {
        List<ItemQuantity> quantities = new java.util.ArrayList<>();
        for (int i = 0; i < lineThenQuantity.length; i += 2) {
            quantities.add(new ItemQuantity((int) lineThenQuantity[i], lineThenQuantity[i + 1]));
        }
        return quantities;
    }
}
