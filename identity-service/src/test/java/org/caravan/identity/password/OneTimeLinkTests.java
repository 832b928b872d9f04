package org.caravan.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeLinkTests {

    private static final Instant ISSUED = Instant.parse("2026-12-07T19:45:00Z");

    private static OneTimeLink link(Duration lifetime) {
        return new OneTimeLink(
                "volunteer-qiao-yuanhui", OneTimeLink.Purpose.INVITATION, OneTimeLink.expiry(ISSUED, lifetime), null);
    }

    @Test
    void aLinkIsUsableUntilJustBeforeItsLifetimeEnds() {
        OneTimeLink link = link(Duration.ofDays(7));

        assertThat(link.statusAt(ISSUED)).isEqualTo(OneTimeLink.Status.USABLE);
        assertThat(link.statusAt(ISSUED.plus(Duration.ofDays(7)).minusMillis(1)))
                .isEqualTo(OneTimeLink.Status.USABLE);
        assertThat(link.statusAt(ISSUED.plus(Duration.ofDays(7)))).isEqualTo(OneTimeLink.Status.EXPIRED);
    }

    @Test
    void aUsedLinkStaysUsedEvenBeforeItWouldExpire() {
        OneTimeLink used = new OneTimeLink(
                "s", OneTimeLink.Purpose.PASSWORD_RESET, ISSUED.plus(Duration.ofHours(1)), ISSUED.plusSeconds(60));

        assertThat(used.statusAt(ISSUED.plusSeconds(61))).isEqualTo(OneTimeLink.Status.USED);
        assertThat(used.statusAt(ISSUED.plus(Duration.ofHours(2)))).isEqualTo(OneTimeLink.Status.USED);
    }

    @Test
    void aLinkMustLiveForSomeTime() {
        assertThatThrownBy(() -> OneTimeLink.expiry(ISSUED, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheTokensHashIsStoredAndItIsStable() {
        String hash = OneTimeLinks.hash("some-token");

        assertThat(hash).hasSize(64).isEqualTo(OneTimeLinks.hash("some-token")).doesNotContain("some-token");
        assertThat(OneTimeLinks.hash("other-token")).isNotEqualTo(hash);
    }
}
