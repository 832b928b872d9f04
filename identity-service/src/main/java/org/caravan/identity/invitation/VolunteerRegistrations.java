package org.caravan.identity.invitation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.identity.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invites every volunteer volunteer-service registers with an e-mail address: a {@code VolunteerRegistered} (v1)
 * becomes an account with the role {@code volunteer}, the volunteer's subject, name, address and locale, and an
 * invitation to choose a password ({@link Invitations#prepareForRegistered} says what happens to an account that
 * exists). Each event is applied once: its CloudEvents id is claimed in {@code processed_event} in the transaction
 * that creates the account and the link, and the e-mail goes out after that transaction commits. If the e-mail
 * cannot be sent, the claim is given up and the unsent link revoked, and the failure is thrown so that the error
 * handler tries again (and finally dead-letters the record, which a replay invites from).
 *
 * <p>Other volunteer events on the topic are skipped; a record without a type or id, of an unknown version of
 * {@code VolunteerRegistered}, or whose payload is unreadable is a {@link PoisonRecordException}. A registration
 * without an e-mail address (volunteer-service allows one) or without a subject invites nobody.
 */
class VolunteerRegistrations implements MessageListener<String, byte[]> {

    /** The consumer group, and the name its claims are recorded under. */
    static final String CONSUMER = "identity-service";

    private static final Logger log = LoggerFactory.getLogger(VolunteerRegistrations.class);
    private static final EventType<VolunteerRegistered> REGISTERED = EventCatalog.VOLUNTEER_REGISTERED;
    /** Every version of the event: {@code org.caravan.volunteer.registered.v1}, {@code ...v2}... */
    private static final String REGISTERED_VERSIONS =
            REGISTERED.name().substring(0, REGISTERED.name().lastIndexOf('.') + 1);
    /** As the services read events: times in ISO-8601, fields added by a later compatible change ignored. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final ProcessedEvents processed;
    private final Invitations invitations;
    private final TransactionTemplate transactions;

    VolunteerRegistrations(ProcessedEvents processed, Invitations invitations, TransactionTemplate transactions) {
        this.processed = processed;
        this.invitations = invitations;
        this.transactions = transactions;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        if (type == null) {
            throw new PoisonRecordException("No ce_type header", null);
        }
        if (!type.startsWith(REGISTERED_VERSIONS)) {
            return;
        }
        if (!type.equals(REGISTERED.name())) {
            throw new PoisonRecordException(
                    "Unknown event version " + type + "; this build reads " + REGISTERED.name(), null);
        }
        UUID id = eventId(record);
        VolunteerRegistered event = payload(record);
        if (blank(event.subject()) || blank(event.email())) {
            log.info(
                    "Volunteer {} registered without {}: nobody to invite",
                    event.volunteerId(),
                    blank(event.subject()) ? "a subject" : "an e-mail address");
            return;
        }
        apply(id, event);
    }

    private void apply(UUID id, VolunteerRegistered event) {
        Optional<Invitations.Prepared> prepared = transactions.execute(status -> processed.claim(
                        CONSUMER, id, REGISTERED.name())
                ? Optional.of(invitations.prepareForRegistered(
                        event.subject().strip(), event.email(), event.name(), Role.VOLUNTEER.claim(), event.locale()))
                : Optional.empty());
        if (prepared == null || prepared.isEmpty()) {
            log.info("{} skipped repeated {} {} for {}", CONSUMER, REGISTERED.name(), id, event.subject());
            return;
        }
        Invitations.Outcome outcome = invitations.send(prepared.get());
        if (outcome.mailFailed()) {
            transactions.executeWithoutResult(status -> {
                processed.release(CONSUMER, id);
                invitations.withdraw(prepared.get());
            });
            throw new InvitationNotMailedException(event.subject());
        }
        log.info(
                "{} applied {} {} for {}: account {}, invitation {}",
                CONSUMER,
                REGISTERED.name(),
                id,
                event.subject(),
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

    private static VolunteerRegistered payload(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("Unreadable " + REGISTERED.name() + ": no payload", null);
        }
        try {
            VolunteerRegistered event = JSON.readValue(record.value(), VolunteerRegistered.class);
            if (event == null) {
                throw new PoisonRecordException("Unreadable " + REGISTERED.name() + ": null", null);
            }
            return event;
        } catch (JacksonException e) {
            throw new PoisonRecordException("Unreadable " + REGISTERED.name() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The invitation's e-mail could not be sent: worth trying again (the mail server may be back). */
    static class InvitationNotMailedException extends RuntimeException {

        InvitationNotMailedException(String subject) {
            super("The invitation to " + subject + " could not be mailed; the event will be applied again");
        }
    }
}
