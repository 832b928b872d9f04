package org.caravan.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeySealingTests {

    @Test
    void aSealedKeyOpensWithTheSameSecretOnly() {
        String sealed = new KeySealing("the right secret, long enough").seal("{\"kty\":\"RSA\",\"d\":\"private\"}");

        assertThat(sealed).startsWith("v1:").doesNotContain("private");
        assertThat(new KeySealing("the right secret, long enough").open(sealed))
                .isEqualTo("{\"kty\":\"RSA\",\"d\":\"private\"}");
        assertThatThrownBy(() -> new KeySealing("another secret, long enough").open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thereIsNoSealingWithoutASecret() {
        assertThatThrownBy(() -> new KeySealing(null)).hasMessageContaining("CARAVAN_IDENTITY_KEYS_ENCRYPTION_SECRET");
        assertThatThrownBy(() -> new KeySealing("short")).isInstanceOf(IllegalStateException.class);
    }
}
