package org.caravan.identity.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.identity.Browser;
import org.caravan.tracing.testing.CallerTraces;
import org.caravan.tracing.testing.RecordedSpans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * volunteer-service's {@code VolunteerRegistered} records, as its outbox relay writes them to the real broker,
 * become accounts and invitation e-mails (read back from the real SMTP server), once each.
 */
class VolunteerRegisteredIntegrationTests extends InvitingEventsIntegrationTest {

    private static final String TOPIC = Topic.VOLUNTEERS.name();

    @Autowired
    RecordedSpans spans;

    VolunteerRegisteredIntegrationTests() {
        super(TOPIC, "volunteer-service", EventCatalog.VOLUNTEER_REGISTERED.name());
    }

    @Test
    void aRegisteredVolunteerGetsOneAccountOfTheirOwnAndOneInvitation() throws Exception {
        String subject = unique("volunteer-registered");
        String email = subject + "@volunteers.example";
        UUID volunteerId = UUID.randomUUID();

        UUID eventId = publish(registered(volunteerId, subject, subject + "@Volunteers.Example"));

        MimeMessage mail = awaitMailTo(email, 1);
        assertThat(mail.getSubject()).isEqualTo("Caravan: choose your password");
        assertThat(text(mail)).contains("Volunteer " + subject);
        JsonNode account =
                api("GET", "/api/accounts/" + subject, operatorToken(), null).body();
        assertThat(account.path("email").asString()).isEqualTo(email);
        assertThat(account.path("name").asString()).isEqualTo("Volunteer " + subject);
        assertThat(account.path("locale").asString()).isEqualTo("en");
        assertThat(account.path("roles").valueStream().map(JsonNode::asString)).containsExactly("volunteer");
        assertThat(account.path("status").asString()).isEqualTo("INVITED");
        assertThat(claims(eventId)).isEqualTo(1);
        assertThat(links(subject)).isEqualTo(1);

        Browser.Page chosen = choosePassword(linkIn(mail), "my volunteer password");
        assertThat(chosen.redirect()).endsWith("/login?password=set");
        assertThat(new Browser(BASE, "en")
                        .signIn(email, "my volunteer password")
                        .redirect())
                .isEqualTo(BASE + "/");
    }

    @Test
    void theConsumptionOfARegistrationGoesOnInTheTraceItsRelayPublishedItIn() {
        String subject = unique("volunteer-traced");
        UUID volunteerId = UUID.randomUUID();
        String traceId = CallerTraces.newTraceId();
        String relays = CallerTraces.traceparent(traceId);

        publish(
                UUID.randomUUID(),
                volunteerId,
                registered(volunteerId, subject, subject + "@volunteers.example"),
                relays);

        awaitMailTo(subject + "@volunteers.example", 1);
        assertThat(spans.awaitOnly(traceId, SpanKind.CONSUMER).getParentSpanId())
                .isEqualTo(CallerTraces.spanIdOf(relays));
    }

    @Test
    void aRedeliveredOrReplayedRecordChangesNothingAndMailsNothing() {
        String subject = unique("volunteer-redelivered");
        String email = subject + "@volunteers.example";
        UUID volunteerId = UUID.randomUUID();
        byte[] payload = registered(volunteerId, subject, email);
        UUID eventId = publish(payload);
        awaitMailTo(email, 1);
        String before =
                api("GET", "/api/accounts/" + subject, operatorToken(), null).raw();
        // Past the invitation's seven days: only the claim on the event, not the usable link, stops a second one.
        CLOCK.advance(Duration.ofDays(7).plusMinutes(1));

        publish(eventId, volunteerId, payload);
        publish(eventId, volunteerId, payload);
        String next = unique("volunteer-next");
        publish(registered(volunteerId, next, next + "@volunteers.example"));

        awaitMailTo(next + "@volunteers.example", 1);
        assertThat(mailTo(email)).hasSize(1);
        assertThat(links(subject)).isEqualTo(1);
        assertThat(claims(eventId)).isEqualTo(1);
        assertThat(api("GET", "/api/accounts/" + subject, operatorToken(), null).raw())
                .isEqualTo(before);
    }

    @Test
    void anExistingAccountIsNeitherInvitedAgainOnceItHasAPasswordNorGivenAnotherAddress() {
        String active = unique("volunteer-active");
        invite(active, active + "@volunteers.example", "en", "volunteer");
        choosePassword(linkIn(awaitMailTo(active + "@volunteers.example", 1)), "an active password");
        String coordinator = unique("coordinator-elsewhere");
        invite(coordinator, coordinator + "@caravan.example", "zh-CN", "coordinator");
        awaitMailTo(coordinator + "@caravan.example", 1);
        UUID volunteerId = UUID.randomUUID();

        publish(registered(volunteerId, active, active.toUpperCase() + "@volunteers.example"));
        publish(registered(volunteerId, coordinator, "someone-else@volunteers.example"));
        String next = unique("volunteer-next");
        publish(registered(volunteerId, next, next + "@volunteers.example"));

        awaitMailTo(next + "@volunteers.example", 1);
        assertThat(mailTo(active + "@volunteers.example")).hasSize(1);
        assertThat(mailTo("someone-else@volunteers.example")).isEmpty();
        JsonNode unchanged = api("GET", "/api/accounts/" + coordinator, operatorToken(), null)
                .body();
        assertThat(unchanged.path("email").asString()).isEqualTo(coordinator + "@caravan.example");
        assertThat(unchanged.path("roles").valueStream().map(JsonNode::asString))
                .containsExactly("coordinator");
        assertThat(api("GET", "/api/accounts/" + active, operatorToken(), null)
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordOnThePartitionIsStillApplied() {
        UUID volunteerId = UUID.randomUUID();
        String taken = unique("volunteer-first");
        invite(taken, taken + "@volunteers.example", "en", "volunteer");
        String second = unique("volunteer-second");

        UUID unreadable = send(
                volunteerId,
                EventCatalog.VOLUNTEER_REGISTERED.name(),
                "{\"volunteerId\":".getBytes(StandardCharsets.UTF_8));
        UUID unknownVersion = send(
                volunteerId,
                "org.caravan.volunteer.registered.v2",
                registered(volunteerId, unique("v2"), "v2@x.example"));
        UUID untyped = send(volunteerId, null, registered(volunteerId, unique("untyped"), "untyped@x.example"));
        UUID addressTaken = publish(registered(volunteerId, second, taken + "@volunteers.example"));
        UUID otherEvent = send(volunteerId, EventCatalog.VOLUNTEER_CONTACT_CHANGED.name(), sample("contact-changed"));
        String next = unique("volunteer-next");
        publish(registered(volunteerId, next, next + "@volunteers.example"));

        awaitMailTo(next + "@volunteers.example", 1);
        assertThat(deadLetter(unreadable, "x-exception-message")).contains("Unreadable");
        assertThat(deadLetter(unknownVersion, "x-exception-message"))
                .contains("Unknown event version org.caravan.volunteer.registered.v2");
        assertThat(deadLetter(untyped, "x-exception-message")).contains("No ce_type");
        assertThat(deadLetter(addressTaken, "x-exception-fqcn")).endsWith("AccountException");
        assertThat(deadLetter(unreadable, "x-original-topic")).isEqualTo(TOPIC);
        assertThat(deadLetter(unreadable, "x-exception-fqcn")).endsWith("PoisonRecordException");
        assertThat(deadLettered(otherEvent))
                .as("another volunteer event is skipped")
                .isFalse();
        assertThat(api("GET", "/api/accounts/" + second, operatorToken(), null).status())
                .isEqualTo(404);
        assertThat(claims(addressTaken))
                .as("a dead-lettered event stays unclaimed: a replay applies it")
                .isZero();
    }

    /** The checked-in sample, as a registration of another person: subject, name, e-mail, English. */
    private static byte[] registered(UUID volunteerId, String subject, String email) {
        ObjectNode event = (ObjectNode) JSON.readTree(sample("registered"));
        event.put("volunteerId", volunteerId.toString());
        event.put("subject", subject);
        event.put("name", "Volunteer " + subject);
        event.put("email", email);
        event.put("locale", "en");
        return JSON.writeValueAsBytes(event);
    }

    private static byte[] sample(String event) {
        try (InputStream in = VolunteerRegisteredIntegrationTests.class.getResourceAsStream(
                "/org/caravan/contracts/samples/org.caravan.volunteer." + event + ".v1.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID publish(byte[] payload) {
        return publish(
                UUID.randomUUID(),
                UUID.fromString(JSON.readTree(payload).path("volunteerId").asString()),
                payload);
    }
}
