package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.caravan.notification.recipient.Recipient;
import org.junit.jupiter.api.Test;

class InboxCopyTests {

    private static final Instant NOW = Instant.parse("2026-12-08T06:30:00Z");
    private static final Recipient WITH_LOGIN = Recipient.subjectOnly("coordinator-li");
    private static final Recipient WITHOUT_LOGIN = new Recipient(
            "volunteer:7", null, "Wang", null, "zh-CN", ZoneId.of("Asia/Shanghai"), List.of("EMAIL"), null, null, null);

    @Test
    void aDueNoticeToSomeoneWithALoginIsCopiedAtOnce() {
        assertThat(InboxCopy.of(Optional.of(WITH_LOGIN), NOW, NOW)).isEqualTo(InboxCopy.NOW);
        assertThat(InboxCopy.of(Optional.of(WITH_LOGIN), NOW.minusSeconds(1), NOW))
                .isEqualTo(InboxCopy.NOW);
    }

    @Test
    void someoneWithoutALoginHasNoInboxToCopyTo() {
        assertThat(InboxCopy.of(Optional.of(WITHOUT_LOGIN), NOW, NOW)).isEqualTo(InboxCopy.NEVER);
    }

    @Test
    void whileTheDirectoryDoesNotKnowTheRecipientTheDispatcherKeepsTrying() {
        assertThat(InboxCopy.of(Optional.empty(), NOW, NOW)).isEqualTo(InboxCopy.LATER);
    }

    @Test
    void aNoticeForLaterIsCopiedWhenItIsDueNotBefore() {
        assertThat(InboxCopy.of(Optional.of(WITH_LOGIN), NOW.plusMillis(1), NOW))
                .isEqualTo(InboxCopy.LATER);
        assertThat(InboxCopy.of(Optional.of(WITHOUT_LOGIN), NOW.plusSeconds(60), NOW))
                .isEqualTo(InboxCopy.LATER);
    }
}
