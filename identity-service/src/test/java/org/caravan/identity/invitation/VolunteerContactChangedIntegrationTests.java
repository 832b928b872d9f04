package org.caravan.identity.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A volunteer registered without an e-mail address (so never invited) is invited by the {@code
 * VolunteerContactChanged} that gives them one, on the real broker and SMTP server; later changes mail nothing more.
 */
class VolunteerContactChangedIntegrationTests extends InvitingEventsIntegrationTest {

    VolunteerContactChangedIntegrationTests() {
        super(Topic.VOLUNTEERS.name(), "volunteer-service", EventCatalog.VOLUNTEER_CONTACT_CHANGED.name());
    }

    @Test
    void aVolunteerGivenAnAddressIsInvitedOnceAndLaterChangesMailNothing() {
        String subject = unique("volunteer-given-an-address");
        String email = subject + "@volunteers.example";
        UUID volunteerId = UUID.randomUUID();

        UUID given = publish(UUID.randomUUID(), volunteerId, contactChanged(volunteerId, subject, email, "zh-CN"));

        MimeMessage mail = awaitMailTo(email, 1);
        assertThat(text(mail)).contains("Volunteer " + subject);
        JsonNode account =
                api("GET", "/api/accounts/" + subject, operatorToken(), null).body();
        assertThat(account.path("email").asString()).isEqualTo(email);
        assertThat(account.path("locale").asString()).isEqualTo("zh-CN");
        assertThat(account.path("roles").valueStream().map(JsonNode::asString)).containsExactly("volunteer");
        assertThat(account.path("status").asString()).isEqualTo("INVITED");
        assertThat(claims(given)).isEqualTo(1);

        // Quiet hours changed, then another address given by whoever edits the volunteer: neither mails anyone.
        publish(UUID.randomUUID(), volunteerId, contactChanged(volunteerId, subject, email, "zh-CN"));
        publish(UUID.randomUUID(), volunteerId, contactChanged(volunteerId, subject, "elsewhere-" + email, "en"));
        String next = unique("volunteer-next");
        UUID nextId = UUID.randomUUID();
        publish(UUID.randomUUID(), nextId, contactChanged(nextId, next, next + "@volunteers.example", "en"));

        awaitMailTo(next + "@volunteers.example", 1);
        assertThat(mailTo(email)).hasSize(1);
        assertThat(mailTo("elsewhere-" + email)).isEmpty();
        assertThat(links(subject)).isEqualTo(1);
        assertThat(api("GET", "/api/accounts/" + subject, operatorToken(), null)
                        .body()
                        .path("email")
                        .asString())
                .isEqualTo(email);
    }

    /** The checked-in sample, as another person's contact now standing with {@code email}. */
    private static byte[] contactChanged(UUID volunteerId, String subject, String email, String locale) {
        ObjectNode event = (ObjectNode) JSON.readTree(sample());
        event.put("volunteerId", volunteerId.toString());
        event.put("subject", subject);
        event.put("name", "Volunteer " + subject);
        event.put("email", email);
        event.put("locale", locale);
        return JSON.writeValueAsBytes(event);
    }

    private static byte[] sample() {
        try (InputStream in = VolunteerContactChangedIntegrationTests.class.getResourceAsStream(
                "/org/caravan/contracts/samples/org.caravan.volunteer.contact-changed.v1.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
