package org.caravan.contracts.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentWithdrawnTests {

    private static final Instant SATURDAY = Instant.parse("2026-09-26T01:30:00Z");

    @Test
    void aWithdrawalIsTheVolunteersChoice() {
        assertThat(withdrawn("WITHDRAWN").endedByTheVisit()).isFalse();
    }

    @Test
    void aWithdrawalPublishedForACancelledVisitOrARemovedItemReadsAsTheVisitsDoing() {
        assertThat(withdrawn("CANCELLED_BY_VISIT").endedByTheVisit()).isTrue();
        assertThat(withdrawn("RELEASED").endedByTheVisit()).isTrue();
    }

    private static AssignmentWithdrawn withdrawn(String status) {
        return new AssignmentWithdrawn(
                new AssignmentSnapshot(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "Recitation",
                        SATURDAY,
                        SATURDAY.plusSeconds(900),
                        "Dandelion School",
                        "Asia/Shanghai",
                        "reciter",
                        UUID.randomUUID(),
                        null,
                        status,
                        SATURDAY.minusSeconds(86_400)),
                "a reason",
                SATURDAY.minusSeconds(3_600));
    }
}
