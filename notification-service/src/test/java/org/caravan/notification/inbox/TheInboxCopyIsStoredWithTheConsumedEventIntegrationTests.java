package org.caravan.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.Topic;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.caravan.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * The inbox copy of a notice is written by the transaction that consumes its event, the one that claims the
 * event in {@code processed_event}: PostgreSQL's {@code xmin} names the transaction that wrote each row, so the
 * claim, the entry, its delivery and that delivery's history must all carry the same one. Written after commit
 * (as the dispatcher did), they would not.
 */
class TheInboxCopyIsStoredWithTheConsumedEventIntegrationTests extends NotificationServiceIntegrationTest {

    private static final String VISITS = Topic.VISITS.name();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theEntryAndItsSentDeliveryCommitWithTheEventsClaim() {
        String coordinator = "coordinator-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        publishVisitScheduled(eventId, UUID.randomUUID(), coordinator);

        Map<String, Object> claimed = awaitClaim("notification-service.visits", eventId);
        assertThat(claimed.get("entry"))
                .as("the inbox entry, as the claim became visible")
                .isNotNull();
        assertThat(claimed.get("entry_writer")).isEqualTo(claimed.get("claim_writer"));
        assertThat(claimed.get("delivery_status")).isEqualTo("SENT");
        assertThat(claimed.get("delivery_writer")).isEqualTo(claimed.get("claim_writer"));
        assertThat(history(eventId))
                .containsExactly("QUEUED:" + claimed.get("claim_writer"), "SENT:" + claimed.get("claim_writer"));
        assertThat(claimed.get("attempts")).isEqualTo(1);
    }

    @Test
    void theSameRecordDeliveredTwiceLeavesOneEntryAndOneDelivery() {
        String coordinator = "coordinator-" + UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        publishVisitScheduled(eventId, visitId, coordinator);
        publishVisitScheduled(eventId, visitId, coordinator);
        // Same key, same partition: once this later event is claimed, both copies before it were consumed.
        UUID later = UUID.randomUUID();
        publishVisitScheduled(later, visitId, coordinator);
        awaitClaim("notification-service.visits", later);

        assertThat(count("select count(*) from inbox_entry where event_id = :event", eventId))
                .isEqualTo(1);
        assertThat(count("select count(*) from delivery where event_id = :event and rank = 0", eventId))
                .isEqualTo(1);
        assertThat(history(eventId)).hasSize(2);
    }

    @Test
    void aRecipientWithNoLoginGetsNoEntryAndTheirInboxDeliveryFailsForGood() {
        UUID volunteer = registeredVolunteer(null, uniqueAddress("no-login"), "en", List.of("EMAIL"), null, null);
        awaitRecipient(volunteer);

        UUID eventId = publishAssignment(
                EventCatalog.ASSIGNMENT_CONFIRMED,
                new AssignmentConfirmed(
                        assignment(volunteer, UUID.randomUUID(), "CONFIRMED", now().plus(Duration.ofDays(30))), now()));

        Map<String, Object> claimed = awaitClaim("notification-service.staffing", eventId);
        assertThat(claimed.get("entry")).isNull();
        assertThat(claimed.get("delivery_status")).isEqualTo("FAILED");
        assertThat(claimed.get("delivery_writer")).isEqualTo(claimed.get("claim_writer"));
        assertThat(claimed.get("last_error")).isEqualTo("the recipient has no login, so no inbox");
        assertThat(history(eventId))
                .containsExactly("QUEUED:" + claimed.get("claim_writer"), "FAILED:" + claimed.get("claim_writer"));
    }

    /**
     * The event's claim, its inbox entry and inbox delivery, read in one statement, so in one snapshot, as soon as
     * the claim is there.
     */
    private Map<String, Object> awaitClaim(String consumer, UUID eventId) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(10))
                .until(
                        () -> database.sql(
                                        """
                                        select p.xmin::text as claim_writer, i.id as entry, i.xmin::text as entry_writer,
                                          d.status as delivery_status, d.xmin::text as delivery_writer, d.attempts,
                                          d.last_error
                                        from processed_event p
                                        left join delivery d on d.event_id = p.event_id and d.rank = 0
                                        left join inbox_entry i on i.delivery_id = d.id
                                        where p.consumer = :consumer and p.event_id = :event
                                        """)
                                .bind("consumer", consumer)
                                .bind("event", eventId)
                                .fetch()
                                .one()
                                .blockOptional(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The inbox delivery's history, each step with the transaction that wrote it. */
    private List<String> history(UUID eventId) {
        return database.sql(
                        """
                        select s.status || ':' || s.xmin::text as step from delivery_status s
                        join delivery d on d.id = s.delivery_id
                        where d.event_id = :event and d.rank = 0 order by s.id
                        """)
                .bind("event", eventId)
                .map(row -> row.get("step", String.class))
                .all()
                .collectList()
                .block();
    }

    private long count(String sql, UUID eventId) {
        return database.sql(sql)
                .bind("event", eventId)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    private static void publishVisitScheduled(UUID eventId, UUID visitId, String coordinator) {
        TopicProbe.send(
                VISITS,
                visitId.toString(),
                VisitEventFixtures.visitScheduledBy(coordinator, visitId),
                VisitEventFixtures.cloudEventHeaders(eventId, visitId));
    }
}
