package org.caravan.identity.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.contracts.EventCatalog;
import org.caravan.identity.account.Account;
import org.caravan.identity.password.OneTimeLinks;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** What the consumer does with each kind of record, and when the invitation's e-mail fails, without a broker. */
class VolunteerRegistrationsTests {

    private static final String JSON =
            """
            {"volunteerId":"b2000000-0000-4000-8000-000000000001","subject":"volunteer-wang",
             "name":"王小米 Wang Xiaomi","email":"wang@volunteers.example","locale":"zh-CN",
             "registeredAt":"2026-09-02T03:00:00Z","someFieldOfALaterMinorChange":true}
            """;

    private final ProcessedEvents processed = mock(ProcessedEvents.class);
    private final Invitations invitations = mock(Invitations.class);
    private final PlatformTransactionManager transactionManager = mock(PlatformTransactionManager.class);
    private final VolunteerRegistrations consumer =
            new VolunteerRegistrations(processed, invitations, new TransactionTemplate(transactionManager));
    private final Account wang = new Account(
            "volunteer-wang",
            "wang@volunteers.example",
            "王小米 Wang Xiaomi",
            Locale.SIMPLIFIED_CHINESE,
            Set.of("volunteer"),
            null,
            true,
            Instant.EPOCH);
    private final Invitations.Prepared prepared = new Invitations.Prepared(
            wang, true, Optional.of(new OneTimeLinks.Issued("token", Instant.EPOCH.plusSeconds(60))));

    VolunteerRegistrationsTests() {
        when(transactionManager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    }

    @Test
    void aFirstRegistrationIsClaimedAndInvitedInOneTransactionAndMailedAfterIt() {
        UUID id = UUID.randomUUID();
        when(processed.claim("identity-service", id, EventCatalog.VOLUNTEER_REGISTERED.name()))
                .thenReturn(true);
        when(invitations.prepareForRegistered(
                        "volunteer-wang", "wang@volunteers.example", "王小米 Wang Xiaomi", "volunteer", "zh-CN"))
                .thenReturn(prepared);
        when(invitations.send(prepared)).thenReturn(new Invitations.Outcome(wang, true, true, Instant.EPOCH, false));

        consumer.onMessage(record(id.toString(), EventCatalog.VOLUNTEER_REGISTERED.name(), JSON));

        verify(transactionManager).commit(any());
        verify(invitations).send(prepared);
        verify(processed, never()).release(anyString(), any());
    }

    @Test
    void aRepeatedEventInvitesNobody() {
        when(processed.claim(anyString(), any(), anyString())).thenReturn(false);

        consumer.onMessage(record(UUID.randomUUID().toString(), EventCatalog.VOLUNTEER_REGISTERED.name(), JSON));

        verifyNoInteractions(invitations);
    }

    @Test
    void aFailedMailGivesTheClaimUpRevokesTheUnsentLinkAndAsksForARetry() {
        UUID id = UUID.randomUUID();
        when(processed.claim(anyString(), eq(id), anyString())).thenReturn(true);
        when(invitations.prepareForRegistered(anyString(), anyString(), anyString(), anyString(), anyString()))
                .thenReturn(prepared);
        when(invitations.send(prepared)).thenReturn(new Invitations.Outcome(wang, true, false, null, true));

        assertThatThrownBy(
                        () -> consumer.onMessage(record(id.toString(), EventCatalog.VOLUNTEER_REGISTERED.name(), JSON)))
                .isInstanceOf(VolunteerRegistrations.InvitationNotMailedException.class);

        verify(processed).release("identity-service", id);
        verify(invitations).withdraw(prepared);
    }

    @Test
    void otherVolunteerEventsAndRegistrationsWithoutAnAddressAreSkipped() {
        consumer.onMessage(record(UUID.randomUUID().toString(), EventCatalog.VOLUNTEER_CONTACT_CHANGED.name(), "{}"));
        consumer.onMessage(record(
                UUID.randomUUID().toString(),
                EventCatalog.VOLUNTEER_REGISTERED.name(),
                JSON.replace("\"wang@volunteers.example\"", "null")));

        verifyNoInteractions(processed, invitations);
    }

    @Test
    void unreadableRecordsAndUnknownVersionsArePoison() {
        String id = UUID.randomUUID().toString();
        String registered = EventCatalog.VOLUNTEER_REGISTERED.name();

        assertThatThrownBy(() -> consumer.onMessage(record(id, null, JSON)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("ce_type");
        assertThatThrownBy(() -> consumer.onMessage(record(id, "org.caravan.volunteer.registered.v2", JSON)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("Unknown event version");
        assertThatThrownBy(() -> consumer.onMessage(record(null, registered, JSON)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("ce_id");
        assertThatThrownBy(() -> consumer.onMessage(record("not-a-uuid", registered, JSON)))
                .isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> consumer.onMessage(record(id, registered, "{\"volunteerId\":")))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("Unreadable");
        assertThatThrownBy(() -> consumer.onMessage(record(id, registered, "null")))
                .isInstanceOf(PoisonRecordException.class);
        verifyNoInteractions(processed, invitations);
    }

    @Test
    void switchedOffNothingConsumesOrConnects() {
        new ApplicationContextRunner()
                .withUserConfiguration(InvitationsFromEvents.class)
                .withPropertyValues("caravan.identity.invitations-from-events.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(VolunteerRegistrations.class)
                        .doesNotHaveBean(VolunteerContactChanges.class)
                        .doesNotHaveBean(DonorLiaisons.class)
                        .doesNotHaveBean(ConcurrentMessageListenerContainer.class));
    }

    /** A record of {@code caravan.volunteers.v1} with these CloudEvents id and type headers (none where null). */
    static ConsumerRecord<String, byte[]> record(String id, String type, String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "caravan.volunteers.v1",
                0,
                0L,
                "b2000000-0000-4000-8000-000000000001",
                json.getBytes(StandardCharsets.UTF_8));
        if (id != null) {
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
