package org.caravan.identity.invitation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caravan.contracts.EventCatalog;
import org.caravan.identity.account.Account;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Which contact changes invite whom, without a broker (the claim and mail rules are the registrations' own). */
class VolunteerContactChangesTests {

    private static final String GIVEN_AN_ADDRESS =
            """
            {"volunteerId":"b2000000-0000-4000-8000-000000000001","subject":"volunteer-wang",
             "name":"王小米 Wang Xiaomi","phone":"+86 138 0000 0001","email":"wang@volunteers.example",
             "locale":"zh-CN","timeZone":"Asia/Shanghai","contactPreferences":{"channels":["EMAIL","INBOX"]},
             "changedAt":"2026-09-10T12:00:00Z"}
            """;

    private final ProcessedEvents processed = mock(ProcessedEvents.class);
    private final Invitations invitations = mock(Invitations.class);
    private final PlatformTransactionManager transactionManager = mock(PlatformTransactionManager.class);
    private final VolunteerContactChanges consumer =
            new VolunteerContactChanges(processed, invitations, new TransactionTemplate(transactionManager));

    VolunteerContactChangesTests() {
        when(transactionManager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    }

    @Test
    void aVolunteerGivenAnAddressIsInvitedAsARegistrationWouldBe() {
        UUID id = UUID.randomUUID();
        when(processed.claim("identity-service", id, EventCatalog.VOLUNTEER_CONTACT_CHANGED.name()))
                .thenReturn(true);
        Account wang = new Account(
                "volunteer-wang",
                "wang@volunteers.example",
                "王小米 Wang Xiaomi",
                Locale.SIMPLIFIED_CHINESE,
                Set.of("volunteer"),
                null,
                true,
                Instant.EPOCH);
        Invitations.Prepared prepared = new Invitations.Prepared(wang, true, Optional.empty());
        when(invitations.prepareForRegistered(
                        "volunteer-wang", "wang@volunteers.example", "王小米 Wang Xiaomi", "volunteer", "zh-CN"))
                .thenReturn(prepared);
        when(invitations.send(prepared)).thenReturn(new Invitations.Outcome(wang, true, true, Instant.EPOCH, false));

        consumer.onMessage(contactChanged(id, GIVEN_AN_ADDRESS));

        verify(invitations).send(prepared);
    }

    @Test
    void aContactChangeWithoutAnAddressOrSubjectInvitesNobody() {
        consumer.onMessage(
                contactChanged(UUID.randomUUID(), GIVEN_AN_ADDRESS.replace("\"wang@volunteers.example\"", "null")));
        consumer.onMessage(contactChanged(UUID.randomUUID(), GIVEN_AN_ADDRESS.replace("\"volunteer-wang\"", "\" \"")));

        verifyNoInteractions(processed, invitations);
    }

    @Test
    void registrationsAreLeftToTheRegistrationsConsumer() {
        consumer.onMessage(VolunteerRegistrationsTests.record(
                UUID.randomUUID().toString(), EventCatalog.VOLUNTEER_REGISTERED.name(), "{}"));

        verifyNoInteractions(processed, invitations);
    }

    private static ConsumerRecord<String, byte[]> contactChanged(UUID id, String json) {
        return VolunteerRegistrationsTests.record(id.toString(), EventCatalog.VOLUNTEER_CONTACT_CHANGED.name(), json);
    }
}
