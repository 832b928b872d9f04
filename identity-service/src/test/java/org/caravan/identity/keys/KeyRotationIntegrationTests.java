package org.caravan.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.caravan.identity.IdentityIntegrationTest;
import org.junit.jupiter.api.Test;

class KeyRotationIntegrationTests extends IdentityIntegrationTest {

    @Test
    void aRotationSignsWithANewKeyAndKeepsTheOldOnePublishedSoItsTokensStillVerify() {
        String before = operatorToken();
        String oldKid = kidOf(before);

        Answer rotation = api("POST", "/api/keys/rotation", operatorToken(), null);

        assertThat(rotation.status()).as(rotation.raw()).isEqualTo(201);
        assertThat(rotation.body().path("previousKid").asString()).isEqualTo(oldKid);
        String newKid = rotation.body().path("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        String after = operatorToken();
        assertThat(kidOf(after)).isEqualTo(newKid);
        assertThat(publishedKeys().getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, newKid);
        assertThat(verified(before).getSubject()).isEqualTo("caravan-scripts");
        assertThat(verified(after).getSubject()).isEqualTo("caravan-scripts");
        assertThat(api("GET", "/api/keys", after, null)
                        .body()
                        .path(0)
                        .path("status")
                        .asString())
                .isEqualTo("CURRENT");
    }

    @Test
    void aRetiredKeyIsWithdrawnFromTheJwksOnceItsPublicationEnds() {
        String oldKid = kidOf(operatorToken());
        api("POST", "/api/keys/rotation", operatorToken(), null);

        CLOCK.advance(Duration.ofHours(24).minusMinutes(1));
        assertThat(publishedKeys().getKeyByKeyId(oldKid)).as("still published").isNotNull();
        CLOCK.advance(Duration.ofMinutes(1));

        assertThat(publishedKeys().getKeyByKeyId(oldKid)).isNull();
        assertThat(publishedKeys().getKeys()).isNotEmpty();
    }

    @Test
    void onlyAnOperatorRotatesKeys() {
        String coordinator = clientCredentials("caravan-scripts", SCRIPTS_SECRET, "coordinator")
                .body()
                .path("access_token")
                .asString();

        assertThat(api("POST", "/api/keys/rotation", coordinator, null).status())
                .isEqualTo(403);
        assertThat(api("POST", "/api/keys/rotation", null, null).status()).isEqualTo(401);
    }
}
