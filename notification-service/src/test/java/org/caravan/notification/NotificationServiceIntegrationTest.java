package org.caravan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.EventType;
import org.caravan.contracts.staffing.AssignmentEvent;
import org.caravan.contracts.staffing.AssignmentOfferExpired;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.contracts.visit.VisitScheduled;
import org.caravan.contracts.visit.VisitSnapshot;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.contracts.volunteer.QuietHours;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.infrastructure.LocalSecrets;
import org.caravan.platform.testing.ServiceIntegrationTest;
import org.caravan.platform.testing.VisitBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * notification-service under test, with a real SMTP server (GreenMail) and a real HTTP receiver for webhooks in
 * the test JVM, fed events the way the other services publish them. Sweeps and retries are fast here.
 */
public abstract class NotificationServiceIntegrationTest extends ServiceIntegrationTest {

    protected static final GreenMail SMTP = startSmtp();
    protected static final WebhookReceiver WEBHOOKS = WebhookReceiver.start();
    protected static final String WEBHOOK_SECRET = LocalSecrets.generate();

    /**
     * The one loopback address webhooks may reach in these tests ({@link #WEBHOOKS} listens there): every other,
     * 127.0.0.2 too, is refused as in production.
     */
    protected static final String ALLOWED_LOOPBACK = "127.0.0.1/32";

    @Autowired
    protected DatabaseClient database;

    /**
     * Every test context of this module gets these, the conformance tests' too: contexts live side by side in a
     * test JVM, and all of them sweep the same deliveries.
     */
    @DynamicPropertySource
    public static void mailAndFastSweeps(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("caravan.notification.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("caravan.webhooks.allowed-networks", () -> ALLOWED_LOOPBACK);
        registry.add("caravan.notification.delivery-sweep-interval", () -> "200ms");
        registry.add("caravan.notification.reminder-sweep-interval", () -> "300ms");
        registry.add("caravan.notification.first-retry-after", () -> "200ms");
        registry.add("caravan.notification.max-attempts", () -> "3");
    }

    /** On a port chosen once, so that a test may stop the server and start it again where the service expects it. */
    private static GreenMail startSmtp() {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            GreenMail smtp =
                    new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            free.close();
            smtp.start();
            return smtp;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A volunteer in the directory, as volunteer-service would register them; returns their id. */
    protected static UUID registeredVolunteer(
            String subject, String email, String locale, List<String> channels, QuietHours quiet, String webhookUrl) {
        UUID id = UUID.randomUUID();
        publish(
                EventCatalog.VOLUNTEER_REGISTERED,
                new VolunteerRegistered(
                        id,
                        subject,
                        "Volunteer " + subject,
                        null,
                        email,
                        List.of("RECITATION"),
                        List.of("zh-CN"),
                        "大兴区 Daxing",
                        locale,
                        "Asia/Shanghai",
                        new ContactPreferences(channels, quiet, webhookUrl),
                        now()),
                "volunteer-service");
        return id;
    }

    /** The sample visit to Dandelion School as a new visit, published as scheduled by the coordinator. */
    protected static VisitSnapshot scheduledBy(String coordinator) {
        VisitSnapshot visit =
                VisitBuilder.newFromSample().status("SCHEDULED").version(3).build();
        publish(EventCatalog.VISIT_SCHEDULED, new VisitScheduled(visit, coordinator, now()), "event-service");
        return visit;
    }

    protected static QuietHours quietAroundNow() {
        LocalTime now = LocalTime.now(CLOCK.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        return new QuietHours(now.minusHours(1), now.plusHours(1));
    }

    /** An assignment of the volunteer on the Dandelion School recitation, starting at {@code startsAt}. */
    protected static AssignmentSnapshot assignment(UUID volunteerId, UUID visitId, String status, Instant startsAt) {
        return new AssignmentSnapshot(
                UUID.randomUUID(),
                visitId,
                UUID.randomUUID(),
                "Recitation 《读中国》 Reading China",
                startsAt,
                startsAt.plus(Duration.ofMinutes(10)),
                "蒲公英中学 Dandelion School",
                "Asia/Shanghai",
                "reciter",
                volunteerId,
                null,
                status,
                now().plus(Duration.ofHours(48)));
    }

    protected static UUID publishAssignment(EventType<?> type, AssignmentEvent event) {
        return publish(type, event, "volunteer-service");
    }

    protected List<JsonNode> inboxOf(String subject, String role) {
        return body(get(token(subject, role), "/api/inbox").expectStatus().isOk())
                .valueStream()
                .toList();
    }

    /** Waits until the directory knows the volunteer, as it does once VolunteerRegistered is consumed. */
    protected void awaitRecipient(UUID volunteer) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.sql("select 1 from recipient where key = :key")
                .bind("key", "volunteer:" + volunteer)
                .map(row -> 1)
                .all()
                .hasElements()
                .block());
    }

    /**
     * A fence after everything published so far on this assignment's key: a sentinel event on the same key, whose
     * notice the volunteer ({@code subject}) gets. Events on one key are consumed in order, so once the sentinel's
     * notice is in the inbox every earlier event on that key has had all its effects; what is not there by then never
     * comes. Returns the sentinel's notice.
     */
    protected JsonNode fenceAfter(AssignmentSnapshot assignment, String subject) {
        UUID sentinel =
                publishAssignment(EventCatalog.ASSIGNMENT_OFFER_EXPIRED, new AssignmentOfferExpired(assignment, now()));
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> inboxOf(subject, "volunteer").stream()
                                .filter(entry ->
                                        entry.path("eventId").asString().equals(sentinel.toString()))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    protected List<JsonNode> awaitInbox(String subject, String role, int entries) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(inboxOf(subject, role)).hasSize(entries));
        return inboxOf(subject, role);
    }

    protected static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(r -> r.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    protected static String uniqueAddress(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@volunteers.example";
    }
}
