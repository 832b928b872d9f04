package org.caravan.identity.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.identity.Browser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * donation-service's {@code DonorLiaisonNamed} records, as its outbox relay writes them to the real broker, become
 * donor liaisons' accounts and invitation e-mails (read back from the real SMTP server), once each, by the same
 * consumer and rules as volunteers' registrations.
 */
class DonorLiaisonNamedIntegrationTests extends InvitingEventsIntegrationTest {

    private static final String TOPIC = Topic.DONORS.name();

    DonorLiaisonNamedIntegrationTests() {
        super(TOPIC, "donation-service", EventCatalog.DONOR_LIAISON_NAMED.name());
    }

    @Test
    void aNamedLiaisonGetsOneAccountOfTheirOwnAndOneInvitationInChinese() throws Exception {
        String subject = unique("liaison-named");
        String email = subject + "@donors.example";
        UUID donorId = UUID.randomUUID();

        UUID eventId = publish(named(donorId, subject, subject + "@Donors.Example"));

        MimeMessage mail = awaitMailTo(email, 1);
        assertThat(mail.getSubject()).isEqualTo("志愿服务大篷车：请设置您的密码");
        assertThat(text(mail)).contains("Office of " + subject);
        JsonNode account =
                api("GET", "/api/accounts/" + subject, operatorToken(), null).body();
        assertThat(account.path("email").asString()).isEqualTo(email);
        assertThat(account.path("name").asString()).isEqualTo("Office of " + subject);
        assertThat(account.path("locale").asString())
                .as("donation-service records no language")
                .isEqualTo("zh-CN");
        assertThat(account.path("roles").valueStream().map(JsonNode::asString)).containsExactly("donor_liaison");
        assertThat(account.path("status").asString()).isEqualTo("INVITED");
        assertThat(claims(eventId)).isEqualTo(1);
        assertThat(links(subject)).isEqualTo(1);

        Browser.Page chosen = choosePassword(linkIn(mail), "my liaison password");
        assertThat(chosen.redirect()).endsWith("/login?password=set");
        assertThat(new Browser(BASE, "en").signIn(email, "my liaison password").redirect())
                .isEqualTo(BASE + "/");
    }

    @Test
    void aRedeliveredOrReplayedRecordChangesNothingAndMailsNothing() {
        String subject = unique("liaison-redelivered");
        String email = subject + "@donors.example";
        UUID donorId = UUID.randomUUID();
        byte[] payload = named(donorId, subject, email);
        UUID eventId = publish(payload);
        awaitMailTo(email, 1);
        String before =
                api("GET", "/api/accounts/" + subject, operatorToken(), null).raw();
        // Past the invitation's seven days: only the claim on the event, not the usable link, stops a second one.
        CLOCK.advance(Duration.ofDays(7).plusMinutes(1));

        publish(eventId, donorId, payload);
        publish(eventId, donorId, payload);
        String next = unique("liaison-next");
        publish(named(donorId, next, next + "@donors.example"));

        awaitMailTo(next + "@donors.example", 1);
        assertThat(mailTo(email)).hasSize(1);
        assertThat(links(subject)).isEqualTo(1);
        assertThat(claims(eventId)).isEqualTo(1);
        assertThat(api("GET", "/api/accounts/" + subject, operatorToken(), null).raw())
                .isEqualTo(before);
    }

    @Test
    void anExistingAccountGainsTheRoleForItsOwnAddressOnlyAndIsNotInvitedAgainOnceItHasAPassword() {
        String volunteer = unique("volunteer-and-liaison");
        invite(volunteer, volunteer + "@volunteers.example", "en", "volunteer");
        choosePassword(linkIn(awaitMailTo(volunteer + "@volunteers.example", 1)), "a volunteer's password");
        String coordinator = unique("coordinator-elsewhere");
        invite(coordinator, coordinator + "@caravan.example", "zh-CN", "coordinator");
        awaitMailTo(coordinator + "@caravan.example", 1);
        UUID donorId = UUID.randomUUID();

        publish(named(donorId, volunteer, volunteer.toUpperCase() + "@volunteers.example"));
        publish(named(donorId, coordinator, "someone-else@donors.example"));
        String next = unique("liaison-next");
        publish(named(donorId, next, next + "@donors.example"));

        awaitMailTo(next + "@donors.example", 1);
        assertThat(mailTo(volunteer + "@volunteers.example")).hasSize(1);
        assertThat(mailTo("someone-else@donors.example")).isEmpty();
        JsonNode both =
                api("GET", "/api/accounts/" + volunteer, operatorToken(), null).body();
        assertThat(both.path("roles").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("volunteer", "donor_liaison");
        assertThat(both.path("name").asString()).isEqualTo("Test " + volunteer);
        assertThat(both.path("locale").asString()).isEqualTo("en");
        assertThat(both.path("status").asString()).isEqualTo("ACTIVE");
        JsonNode unchanged = api("GET", "/api/accounts/" + coordinator, operatorToken(), null)
                .body();
        assertThat(unchanged.path("email").asString()).isEqualTo(coordinator + "@caravan.example");
        assertThat(unchanged.path("roles").valueStream().map(JsonNode::asString))
                .containsExactly("coordinator");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordOnThePartitionIsStillApplied() {
        UUID donorId = UUID.randomUUID();
        String taken = unique("liaison-first");
        invite(taken, taken + "@donors.example", "en", "donor_liaison");
        String second = unique("liaison-second");
        String self = unique("liaison-self");

        UUID unreadable = send(
                donorId, EventCatalog.DONOR_LIAISON_NAMED.name(), "{\"donorId\":".getBytes(StandardCharsets.UTF_8));
        UUID unknownVersion =
                send(donorId, "org.caravan.donor.liaison-named.v2", named(donorId, unique("v2"), "v2@x.example"));
        UUID untyped = send(donorId, null, named(donorId, unique("untyped"), "untyped@x.example"));
        UUID addressTaken = publish(named(donorId, second, taken + "@donors.example"));
        UUID otherEvent = send(donorId, "org.caravan.donor.renamed.v1", named(donorId, unique("other"), "o@x.example"));
        ObjectNode selfNamed = (ObjectNode) JSON.readTree(named(donorId, self, self + "@donors.example"));
        selfNamed.put("namedBy", self);
        UUID namedThemselves = publish(JSON.writeValueAsBytes(selfNamed));
        String next = unique("liaison-next");
        publish(named(donorId, next, next + "@donors.example"));

        awaitMailTo(next + "@donors.example", 1);
        assertThat(deadLetter(unreadable, "x-exception-message")).contains("Unreadable");
        assertThat(deadLetter(unknownVersion, "x-exception-message"))
                .contains("Unknown event version org.caravan.donor.liaison-named.v2");
        assertThat(deadLetter(untyped, "x-exception-message")).contains("No ce_type");
        assertThat(deadLetter(addressTaken, "x-exception-fqcn")).endsWith("AccountException");
        assertThat(deadLetter(unreadable, "x-original-topic")).isEqualTo(TOPIC);
        assertThat(deadLetter(unreadable, "x-exception-fqcn")).endsWith("PoisonRecordException");
        assertThat(deadLettered(otherEvent))
                .as("another donor event is skipped")
                .isFalse();
        assertThat(deadLettered(namedThemselves))
                .as("a liaison who registered the donor is skipped")
                .isFalse();
        assertThat(api("GET", "/api/accounts/" + second, operatorToken(), null).status())
                .isEqualTo(404);
        assertThat(api("GET", "/api/accounts/" + self, operatorToken(), null).status())
                .isEqualTo(404);
        assertThat(mailTo(self + "@donors.example")).isEmpty();
        assertThat(claims(addressTaken))
                .as("a dead-lettered event stays unclaimed: a replay applies it")
                .isZero();
    }

    /** The checked-in sample, as another donor's liaison: subject, contact name and e-mail, no language. */
    private static byte[] named(UUID donorId, String subject, String email) {
        ObjectNode event = (ObjectNode) JSON.readTree(sample());
        event.put("donorId", donorId.toString());
        event.put("liaisonSubject", subject);
        event.put("liaisonName", "Office of " + subject);
        event.put("liaisonEmail", email);
        event.putNull("liaisonLocale");
        return JSON.writeValueAsBytes(event);
    }

    private static byte[] sample() {
        try (InputStream in = DonorLiaisonNamedIntegrationTests.class.getResourceAsStream(
                "/org/caravan/contracts/samples/org.caravan.donor.liaison-named.v1.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID publish(byte[] payload) {
        return publish(
                UUID.randomUUID(),
                UUID.fromString(JSON.readTree(payload).path("donorId").asString()),
                payload);
    }
}
