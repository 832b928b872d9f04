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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** What the liaisons' consumer does with each kind of record, and when the invitation's e-mail fails, without a broker. */
class DonorLiaisonsTests {

    private static final String NAMED = EventCatalog.DONOR_LIAISON_NAMED.name();
    private static final String JSON =
            """
            {"donorId":"d5000000-0000-4000-8000-000000000001","donorName":"华章同人 Huazhang reading team",
             "liaisonSubject":"liaison-huazhang","liaisonName":"Reading team office",
             "liaisonEmail":"huazhang@donors.example","liaisonLocale":null,"namedBy":"coordinator-li",
             "namedAt":"2026-09-01T02:00:00Z","someFieldOfALaterMinorChange":true}
            """;

    private final ProcessedEvents processed = mock(ProcessedEvents.class);
    private final Invitations invitations = mock(Invitations.class);
    private final PlatformTransactionManager transactionManager = mock(PlatformTransactionManager.class);
    private final DonorLiaisons consumer =
            new DonorLiaisons(processed, invitations, new TransactionTemplate(transactionManager));
    private final Account liaison = new Account(
            "liaison-huazhang",
            "huazhang@donors.example",
            "Reading team office",
            Locale.SIMPLIFIED_CHINESE,
            Set.of("donor_liaison"),
            null,
            true,
            Instant.EPOCH);
    private final Invitations.Prepared prepared = new Invitations.Prepared(
            liaison, true, Optional.of(new OneTimeLinks.Issued("token", Instant.EPOCH.plusSeconds(60))));

    DonorLiaisonsTests() {
        when(transactionManager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    }

    @Test
    void aFirstNamingIsClaimedAndInvitedAsALiaisonInOneTransactionAndMailedAfterIt() {
        UUID id = UUID.randomUUID();
        when(processed.claim("identity-service", id, NAMED)).thenReturn(true);
        when(invitations.prepareForRegistered(
                        "liaison-huazhang", "huazhang@donors.example", "Reading team office", "donor_liaison", null))
                .thenReturn(prepared);
        when(invitations.send(prepared)).thenReturn(new Invitations.Outcome(liaison, true, true, Instant.EPOCH, false));

        consumer.onMessage(record(id.toString(), NAMED, JSON));

        verify(transactionManager).commit(any());
        verify(invitations).send(prepared);
        verify(processed, never()).release(anyString(), any());
    }

    @Test
    void aContactWithoutANameGivesTheAccountTheDonorsName() {
        UUID id = UUID.randomUUID();
        when(processed.claim(anyString(), eq(id), anyString())).thenReturn(true);
        when(invitations.prepareForRegistered(anyString(), anyString(), anyString(), anyString(), any()))
                .thenReturn(prepared);
        when(invitations.send(prepared)).thenReturn(new Invitations.Outcome(liaison, true, true, Instant.EPOCH, false));

        consumer.onMessage(record(id.toString(), NAMED, JSON.replace("\"Reading team office\"", "null")));

        verify(invitations)
                .prepareForRegistered(
                        "liaison-huazhang",
                        "huazhang@donors.example",
                        "华章同人 Huazhang reading team",
                        "donor_liaison",
                        null);
    }

    @Test
    void aRepeatedEventInvitesNobody() {
        when(processed.claim(anyString(), any(), anyString())).thenReturn(false);

        consumer.onMessage(record(UUID.randomUUID().toString(), NAMED, JSON));

        verifyNoInteractions(invitations);
    }

    @Test
    void aFailedMailGivesTheClaimUpRevokesTheUnsentLinkAndAsksForARetry() {
        UUID id = UUID.randomUUID();
        when(processed.claim(anyString(), eq(id), anyString())).thenReturn(true);
        when(invitations.prepareForRegistered(anyString(), anyString(), anyString(), anyString(), any()))
                .thenReturn(prepared);
        when(invitations.send(prepared)).thenReturn(new Invitations.Outcome(liaison, true, false, null, true));

        assertThatThrownBy(() -> consumer.onMessage(record(id.toString(), NAMED, JSON)))
                .isInstanceOf(InvitingConsumer.InvitationNotMailedException.class);

        verify(processed).release("identity-service", id);
        verify(invitations).withdraw(prepared);
    }

    @Test
    void otherDonorEventsLiaisonsWithoutAnAddressAndLiaisonsWhoNamedThemselvesAreSkipped() {
        consumer.onMessage(record(UUID.randomUUID().toString(), "org.caravan.donor.renamed.v1", "{}"));
        consumer.onMessage(
                record(UUID.randomUUID().toString(), NAMED, JSON.replace("\"huazhang@donors.example\"", "null")));
        consumer.onMessage(record(UUID.randomUUID().toString(), NAMED, JSON.replace("\"liaison-huazhang\"", "\" \"")));
        consumer.onMessage(record(
                UUID.randomUUID().toString(), NAMED, JSON.replace("\"coordinator-li\"", "\"liaison-huazhang\"")));

        verifyNoInteractions(processed, invitations);
    }

    @Test
    void unreadableRecordsAndUnknownVersionsArePoison() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> consumer.onMessage(record(id, null, JSON)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("ce_type");
        assertThatThrownBy(() -> consumer.onMessage(record(id, "org.caravan.donor.liaison-named.v2", JSON)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("Unknown event version");
        assertThatThrownBy(() -> consumer.onMessage(record(null, NAMED, JSON)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("ce_id");
        assertThatThrownBy(() -> consumer.onMessage(record(id, NAMED, "{\"donorId\":")))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("Unreadable");
        assertThatThrownBy(() -> consumer.onMessage(record(id, NAMED, "null")))
                .isInstanceOf(PoisonRecordException.class);
        verifyNoInteractions(processed, invitations);
    }

    @Test
    void itReadsTheDonorsTopic() {
        assertThat(consumer.topic()).isEqualTo("caravan.donors.v1");
    }

    private static ConsumerRecord<String, byte[]> record(String id, String type, String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "caravan.donors.v1",
                0,
                0L,
                "d5000000-0000-4000-8000-000000000001",
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
