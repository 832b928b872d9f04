package org.caravan.identity.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.identity.Browser;
import org.caravan.identity.IdentityIntegrationTest;
import org.caravan.identity.KafkaRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * volunteer-service's {@code VolunteerRegistered} records, as its outbox relay writes them to the real broker,
 * become accounts and invitation e-mails (read back from the real SMTP server), once each.
 */
class VolunteerRegisteredIntegrationTests extends IdentityIntegrationTest {

    private static final String TOPIC = Topic.VOLUNTEERS.name();
    private static final String DEAD_LETTERS = "error." + TOPIC + ".identity-service";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    private KafkaRecords deadLetters;

    @BeforeEach
    void watchTheDeadLetters() {
        deadLetters = KafkaRecords.watch(DEAD_LETTERS);
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
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

    private static UUID publish(byte[] payload) {
        return publish(
                UUID.randomUUID(),
                UUID.fromString(JSON.readTree(payload).path("volunteerId").asString()),
                payload);
    }

    /** As volunteer-service's relay sends a VolunteerRegistered: keyed by the volunteer, CloudEvents headers. */
    private static UUID publish(UUID eventId, UUID volunteerId, byte[] payload) {
        Map<String, String> headers = headers(eventId, volunteerId.toString());
        headers.put("ce_type", EventCatalog.VOLUNTEER_REGISTERED.name());
        KafkaRecords.send(TOPIC, volunteerId.toString(), payload, headers);
        return eventId;
    }

    /** A record of the given type (none when null) with a new id, keyed by the volunteer. */
    private static UUID send(UUID volunteerId, String type, byte[] payload) {
        UUID id = UUID.randomUUID();
        Map<String, String> headers = headers(id, volunteerId.toString());
        if (type != null) {
            headers.put("ce_type", type);
        }
        KafkaRecords.send(TOPIC, volunteerId.toString(), payload, headers);
        return id;
    }

    private static Map<String, String> headers(UUID eventId, String volunteerId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", eventId.toString());
        headers.put("ce_source", "volunteer-service");
        headers.put("ce_subject", volunteerId);
        headers.put("ce_time", CLOCK.instant().toString());
        headers.put("ce_specversion", "1.0");
        headers.put("content-type", "application/json");
        return headers;
    }

    private String deadLetter(UUID eventId, String header) {
        ConsumerRecord<String, byte[]> record =
                deadLetters.await(r -> eventId.toString().equals(KafkaRecords.header(r, "ce_id")), PATIENCE);
        return KafkaRecords.header(record, header);
    }

    private boolean deadLettered(UUID eventId) {
        List<ConsumerRecord<String, byte[]>> all = deadLetters.collectFor(Duration.ofSeconds(1));
        return all.stream().anyMatch(r -> eventId.toString().equals(KafkaRecords.header(r, "ce_id")));
    }

    private int claims(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'identity-service' and event_id = ?")
                .param(eventId)
                .query(Integer.class)
                .single();
    }

    private int links(String subject) {
        return jdbc.sql("select count(*) from one_time_link where subject = ?")
                .param(subject)
                .query(Integer.class)
                .single();
    }
}
