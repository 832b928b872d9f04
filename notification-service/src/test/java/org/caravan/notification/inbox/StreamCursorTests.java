package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamCursorTests {

    private static final Instant OPENED = Instant.parse("2026-09-25T09:00:00Z");
    private static final Duration LOOK_BACK = Duration.ofSeconds(30);

    @Test
    void anEntryThatCommitsAfterALaterStampedOneIsStillSentOnce() {
        StreamCursor cursor = new StreamCursor(OPENED, LOOK_BACK);
        InboxEntry confirmed = entryStamped(OPENED.plusMillis(200));
        InboxEntry committedLate = entryStamped(OPENED.plusMillis(100));

        Instant firstPoll = cursor.readFrom(OPENED.plusSeconds(1));
        assertThat(cursor.firstSight(confirmed)).isTrue();

        Instant secondPoll = cursor.readFrom(OPENED.plusSeconds(2));
        assertThat(secondPoll)
                .as("still reads back to the late one's stamp")
                .isBeforeOrEqualTo(committedLate.createdAt());
        assertThat(cursor.firstSight(committedLate)).isTrue();
        assertThat(cursor.firstSight(confirmed)).as("sent once").isFalse();
        assertThat(firstPoll).isEqualTo(OPENED);
    }

    @Test
    void readsNothingFromBeforeTheStreamOpenedWhichTheInboxPageShows() {
        StreamCursor cursor = new StreamCursor(OPENED, LOOK_BACK);
        assertThat(cursor.readFrom(OPENED.plusSeconds(5))).isEqualTo(OPENED);
        assertThat(cursor.readFrom(OPENED.plusSeconds(95))).isEqualTo(OPENED.plusSeconds(65));
    }

    @Test
    void forgetsWhatFellOutOfTheLookBackSoAStreamStaysSmall() {
        StreamCursor cursor = new StreamCursor(OPENED, LOOK_BACK);
        for (int second = 0; second < 600; second++) {
            Instant now = OPENED.plusSeconds(second);
            cursor.readFrom(now);
            cursor.firstSight(entryStamped(now));
        }
        assertThat(cursor.remembered()).isBetween(30, 31);
    }

    private static InboxEntry entryStamped(Instant createdAt) {
        return new InboxEntry(
                UUID.randomUUID(),
                "volunteer-qiao",
                "ASSIGNMENT_CONFIRMED",
                UUID.randomUUID().toString(),
                "Confirmed",
                "You have the place.",
                UUID.randomUUID(),
                createdAt,
                null,
                null);
    }
}
