package org.caravan.identity.invitation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every consumer of an event that invites someone shares ({@link VolunteerRegistrations}, {@link
 * DonorLiaisons}): it reads one event type of its topic and skips the topic's other events; {@link #invitee} says
 * whom the event invites, if anyone, and {@link Invitations#prepareForRegistered} what happens to an account that
 * exists. Each event is applied once: its CloudEvents id is claimed in {@code processed_event} in the transaction that
 * creates the account and the link, and the e-mail goes out after that transaction commits. If the e-mail cannot be
 * sent, the claim is given up and the unsent link revoked, and the failure is thrown so that the error handler tries
 * again (and finally dead-letters the record, which a replay invites from).
 *
 * <p>A record without a type or id, of an unknown version of the event, or whose payload is unreadable is a {@link
 * PoisonRecordException}.
 */
abstract class InvitingConsumer<E extends CaravanEvent> implements MessageListener<String, byte[]> {

    /** The consumer group, and the name its claims are recorded under. */
    static final String CONSUMER = "identity-service";

    /** As the services read events: times in ISO-8601, fields added by a later compatible change ignored. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final EventType<E> type;
    /** Every version of the event: {@code org.caravan.volunteer.registered.v1}, {@code ...v2}... */
    private final String versions;

    private final ProcessedEvents processed;
    private final Invitations invitations;
    private final TransactionTemplate transactions;

    InvitingConsumer(
            EventType<E> type, ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        this.type = type;
        this.versions = type.name().substring(0, type.name().lastIndexOf('.') + 1);
        this.processed = processed;
        this.invitations = invitations;
        this.transactions = transactions;
    }

    /** Whom to invite, with which role, as the event tells it. */
    record Invitee(String subject, String email, String name, String role, String locale) {}

    /** Whom the event invites; empty (and logged why) when nobody. */
    abstract Optional<Invitee> invitee(E event);

    /** The topic the consumer reads. */
    String topic() {
        return type.topic().name();
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        String typeName = header(record, "ce_type");
        if (typeName == null) {
            throw new PoisonRecordException("No ce_type header", null);
        }
        if (!typeName.startsWith(versions)) {
            return;
        }
        if (!typeName.equals(type.name())) {
            throw new PoisonRecordException(
                    "Unknown event version " + typeName + "; this build reads " + type.name(), null);
        }
        UUID id = eventId(record);
        E event = payload(record);
        Optional<Invitee> invitee = invitee(event);
        if (invitee.isPresent()) {
            apply(id, invitee.get());
        }
    }

    private void apply(UUID id, Invitee invitee) {
        String subject = invitee.subject().strip();
        Optional<Invitations.Prepared> prepared =
                transactions.execute(status -> processed.claim(CONSUMER, id, type.name())
                        ? Optional.of(invitations.prepareForRegistered(
                                subject, invitee.email(), invitee.name(), invitee.role(), invitee.locale()))
                        : Optional.empty());
        if (prepared == null || prepared.isEmpty()) {
            log.info("{} skipped repeated {} {} for {}", CONSUMER, type.name(), id, subject);
            return;
        }
        Invitations.Outcome outcome = invitations.send(prepared.get());
        if (outcome.mailFailed()) {
            transactions.executeWithoutResult(status -> {
                processed.release(CONSUMER, id);
                invitations.withdraw(prepared.get());
            });
            throw new InvitationNotMailedException(subject);
        }
        log.info(
                "{} applied {} {} for {}: account {}, invitation {}",
                CONSUMER,
                type.name(),
                id,
                subject,
                outcome.created() ? "created" : "existed",
                outcome.linkSent() ? "sent" : "not needed");
    }

    private static UUID eventId(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "ce_id");
        if (id == null) {
            throw new PoisonRecordException("No ce_id header", null);
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("ce_id is not a UUID: " + id, e);
        }
    }

    private E payload(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("Unreadable " + type.name() + ": no payload", null);
        }
        try {
            E event = JSON.readValue(record.value(), type.payloadType());
            if (event == null) {
                throw new PoisonRecordException("Unreadable " + type.name() + ": null", null);
            }
            return event;
        } catch (JacksonException e) {
            throw new PoisonRecordException("Unreadable " + type.name() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The invitation's e-mail could not be sent: worth trying again (the mail server may be back). */
    static class InvitationNotMailedException extends RuntimeException {

        InvitationNotMailedException(String subject) {
            super("The invitation to " + subject + " could not be mailed; the event will be applied again");
        }
    }
}
