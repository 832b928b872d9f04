package org.caravan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.caravan.contracts.EventCatalog;
import org.caravan.contracts.staffing.AssignmentConfirmed;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.contracts.volunteer.VolunteerContactChanged;
import org.caravan.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A volunteer chooses the webhook URL, so notification-service must not be made to call this machine, its network
 * or a metadata service with it. The URLs here arrive in events as a tampered or old record would bring them (not
 * through volunteer-service, which refuses them): the service sends nothing to them, fails the delivery for good,
 * and the next channel takes over. Loopback is allowed here for 127.0.0.1 only, where the tests' receiver listens.
 */
class WebhookDestinationIntegrationTests extends NotificationServiceIntegrationTest {

    @Test
    void aWebhookToARefusedDestinationReachesNothingFailsForGoodAndTheNextChannelTakesOver() throws IOException {
        try (CountingListener listener = new CountingListener(InetAddress.getByName("127.0.0.2"))) {
            String credentials = "/credentials/" + UUID.randomUUID();
            Map<String, String> refusedFor = Map.of(
                    "http://127.0.0.2:" + listener.port() + "/hook",
                    "points at 127.0.0.2, a loopback address",
                    "http://[::ffff:127.0.0.2]:" + listener.port() + "/hook",
                    "127.0.0.2, a loopback address",
                    WEBHOOKS.url(credentials).replace("http://", "http://ops:secret@"),
                    "carries a user name or password",
                    "http://169.254.169.254/latest/meta-data/iam/",
                    "a cloud metadata service",
                    "http://localhost:" + listener.port() + "/hook",
                    "names this machine",
                    "gopher://127.0.0.1:" + listener.port() + "/_",
                    "is not an http or https URL");
            Map<String, String> emailOf = new java.util.HashMap<>();
            Map<String, UUID> volunteerOf = new java.util.HashMap<>();
            refusedFor.keySet().forEach(url -> {
                String email = uniqueAddress("ssrf");
                UUID volunteer = registeredVolunteer(
                        "ssrf-" + UUID.randomUUID(), email, "en", List.of("WEBHOOK", "EMAIL"), null, url);
                emailOf.put(url, email);
                volunteerOf.put(url, volunteer);
            });
            volunteerOf.values().forEach(this::awaitRecipient);

            volunteerOf.values().forEach(WebhookDestinationIntegrationTests::confirm);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> emailOf.values()
                    .forEach(email -> assertThat(mailTo(email)).as(email).hasSize(1)));
            refusedFor.forEach((url, why) -> {
                Map<String, Object> webhook = webhookDelivery(volunteerOf.get(url));
                assertThat(webhook).as(url).containsEntry("status", "FAILED").containsEntry("attempts", 1);
                assertThat((String) webhook.get("last_error"))
                        .as(url)
                        .startsWith("webhook destination refused: ")
                        .contains(why);
                assertThat(history(volunteerOf.get(url)))
                        .as(url)
                        .doesNotContain("RETRYING")
                        .endsWith("FAILED");
            });
            assertThat(listener.connections()).isZero();
            assertThat(WEBHOOKS.receivedAt(credentials)).isEmpty();
        }
    }

    @Test
    void aRetryGoesToTheUrlTheDeliveryWasFirstTriedAtNotToOneSetSince() throws IOException {
        String first = "/first/" + UUID.randomUUID();
        String second = "/second/" + UUID.randomUUID();
        CountDownLatch contactChanged = new CountDownLatch(1);
        AtomicInteger toFirst = new AtomicInteger();
        AtomicInteger toSecond = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext(first, exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = 204;
            if (toFirst.incrementAndGet() == 1) {
                // The first try waits until the volunteer has moved their webhook, then fails for a while.
                waitFor(contactChanged);
                status = 503;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.createContext(second, exchange -> {
            toSecond.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            String subject = "moving-" + UUID.randomUUID();
            UUID volunteer = registeredVolunteer(subject, null, "en", List.of("WEBHOOK"), null, base + first);
            awaitRecipient(volunteer);
            confirm(volunteer);
            await().atMost(Duration.ofSeconds(30)).until(() -> toFirst.get() == 1);

            publish(
                    EventCatalog.VOLUNTEER_CONTACT_CHANGED,
                    new VolunteerContactChanged(
                            volunteer,
                            subject,
                            "Volunteer " + subject,
                            null,
                            null,
                            "en",
                            "Asia/Shanghai",
                            new ContactPreferences(List.of("WEBHOOK"), null, base + second),
                            now()),
                    "volunteer-service");
            await().atMost(Duration.ofSeconds(8)).until(() -> (base + second).equals(currentWebhookOf(volunteer)));
            contactChanged.countDown();

            await().atMost(Duration.ofSeconds(30)).until(() -> toFirst.get() == 2);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "SENT".equals(webhookDelivery(volunteer).get("status")));
            assertThat(webhookDelivery(volunteer)).containsEntry("target_url", base + first);
            // Sent in the end: no error stands on it for operators; the failed try stays in its history.
            assertThat(webhookDelivery(volunteer).get("last_error")).isNull();
            assertThat(history(volunteer)).containsSubsequence("RETRYING", "SENT");
            assertThat(toSecond.get()).isZero();
        } finally {
            contactChanged.countDown();
            receiver.stop(0);
        }
    }

    private static void confirm(UUID volunteer) {
        publishAssignment(
                EventCatalog.ASSIGNMENT_CONFIRMED,
                new AssignmentConfirmed(
                        assignment(volunteer, UUID.randomUUID(), "CONFIRMED", now().plus(Duration.ofDays(30))), now()));
    }

    private Map<String, Object> webhookDelivery(UUID volunteer) {
        return database.sql("select status, attempts, last_error, target_url from delivery"
                        + " where recipient = :recipient and rank = 1")
                .bind("recipient", "volunteer:" + volunteer)
                .fetch()
                .one()
                .block();
    }

    private List<String> history(UUID volunteer) {
        return database.sql("select s.status from delivery_status s join delivery d on d.id = s.delivery_id"
                        + " where d.recipient = :recipient and d.rank = 1 order by s.id")
                .bind("recipient", "volunteer:" + volunteer)
                .map(row -> row.get("status", String.class))
                .all()
                .collectList()
                .block();
    }

    private String currentWebhookOf(UUID volunteer) {
        return database.sql("select webhook_url from recipient where key = :key")
                .bind("key", "volunteer:" + volunteer)
                .map(row -> row.get("webhook_url", String.class))
                .one()
                .block();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(8, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A TCP listener that only counts the connections it accepts: an HTTP request needs one first. */
    private static final class CountingListener implements AutoCloseable {

        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();

        CountingListener(InetAddress address) throws IOException {
            server = new ServerSocket(0, 50, address);
            Thread accepting = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try (Socket ignored = server.accept()) {
                                connections.incrementAndGet();
                            } catch (IOException closed) {
                                // closed at the end of the test
                            }
                        }
                    },
                    "counting-listener");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
