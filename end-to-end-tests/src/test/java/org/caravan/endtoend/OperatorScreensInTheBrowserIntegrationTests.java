package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caravan.endtoend.InTheBrowser.button;
import static org.caravan.endtoend.InTheBrowser.choosePasswordAndSignIn;
import static org.caravan.endtoend.InTheBrowser.markThePage;
import static org.caravan.endtoend.InTheBrowser.signIn;
import static org.caravan.endtoend.InTheBrowser.statusOfFetch;
import static org.caravan.endtoend.InTheBrowser.stillTheSamePage;
import static org.caravan.endtoend.InTheBrowser.widthOverflow;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The operators' screens in a real Chromium through the gateway, with every service running: an operator finds each
 * service and the sign-in provider up; finds a notice whose webhook was down, with its history and last
 * error, sends it again once the receiver is there and watches it be sent, without a reload; opens a record that
 * notification-service could not read, and discards it with a reason. A volunteer is offered none of these screens,
 * and the gateway and services refuse them anyway.
 */
class OperatorScreensInTheBrowserIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String ROLE = "webhook tester";
    private static final String DONATIONS_TOPIC = "caravan.donations.v1";
    private static final String PLEDGED = "org.caravan.donation.pledged.v1";
    private static final List<String> SERVICES =
            List.of("event-service", "volunteer-service", "donation-service", "notification-service");
    private static final AppWords WORDS = AppWords.in("en");
    private static SignedInCaravan caravan;

    @BeforeAll
    static void start() throws IOException {
        caravan = SignedInCaravan.shared();
    }

    @Test
    void anOperatorSeesEachServicesHealthSendsAFailedDeliveryAgainAndDiscardsADeadLetter() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        SignedInCaravan.Person operator = caravan.invite("运维 Operator " + run, "operator", "en");
        try (PartnerWebhook webhook = PartnerWebhook.down()) {
            operatorFindsAFailedDeliveryAndADeadLetter(run, operator, webhook);
        }
    }

    private void operatorFindsAFailedDeliveryAndADeadLetter(
            String run, SignedInCaravan.Person operator, PartnerWebhook webhook) throws IOException {
        String skill = "WEBHOOKS-" + run.toUpperCase();
        SignedInCaravan.Person volunteer = caravan.register(
                "群聊 Group chat " + run,
                "en",
                List.of(skill),
                Map.of("channels", List.of("WEBHOOK"), "webhookUrl", webhook.url()));

        try (Chromium laptop = Chromium.start("en", 1280, 900);
                Chromium phone = Chromium.start("en", 390, 844)) {
            WebDriver desk = laptop.driver();
            WebDriverWait deskWait = new WebDriverWait(desk, PATIENCE);
            WebDriver hand = phone.driver();
            WebDriverWait handWait = new WebDriverWait(hand, PATIENCE);
            choosePasswordAndSignIn(caravan, desk, deskWait, operator);
            deskWait.until(ExpectedConditions.textToBe(By.tagName("h1"), WORDS.of("deliveries.title")));
            assertThat(InTheBrowser.navigation(desk))
                    .as("an operator is offered the operators' screens")
                    .contains(WORDS.of("nav.deliveries"), WORDS.of("nav.deadLetters"), WORDS.of("nav.health"));
            signIn(caravan, hand, handWait, operator);
            handWait.until(ExpectedConditions.textToBe(By.tagName("h1"), WORDS.of("deliveries.title")));

            // 1. Every service and the provider are up, as the gateway finds them.
            desk.findElement(By.xpath("//nav//a[normalize-space()='" + WORDS.of("nav.health") + "']"))
                    .click();
            seesEverythingUp(desk, deskWait);
            laptop.screenshot("operator-desktop-en-health");
            hand.get(caravan.gateway() + "/#/health");
            seesEverythingUp(hand, handWait);
            assertThat(widthOverflow(hand))
                    .as("the health screen fits the phone")
                    .isLessThanOrEqualTo(0);
            phone.screenshot("operator-phone-en-health");

            // 2. A notice offered to the volunteer goes to a webhook that is down, and fails for good.
            String token = caravan.scriptsToken("coordinator");
            String item = "群聊通知 Chat notice " + run;
            String visitId = caravan.scheduleVisit(token, "通知测试 Notices " + run, item, ROLE, skill);
            String volunteerId = caravan.volunteerId(token, volunteer.subject());
            offer(token, visitId, volunteerId);
            String recipient = "volunteer:" + volunteerId;
            JsonNode failed = failedDeliveryTo(recipient);
            String deliveryId = failed.path("delivery").path("id").asString();
            assertThat(webhook.refused())
                    .as("every try reached the webhook, as this delivery: %s", failed)
                    .hasSize(5)
                    .containsOnly(deliveryId);

            desk.get(caravan.gateway() + "/#/deliveries");
            WebElement card = deliveryCard(desk, deskWait, recipient);
            assertThat(card.findElement(By.cssSelector(".card-title")).getText())
                    .isEqualTo(WORDS.of("deliveries.status.FAILED") + " ASSIGNMENT_OFFERED · WEBHOOK");
            assertThat(fact(card, WORDS.of("deliveries.recipient"))).isEqualTo(recipient);
            assertThat(fact(card, WORDS.of("deliveries.attempts"))).isEqualTo("5");
            assertThat(fact(card, WORDS.of("deliveries.lastError")))
                    .as("the last error says what the webhook answered")
                    .isEqualTo("webhook answered 503");
            assertThat(fact(card, WORDS.of("deliveries.trace")))
                    .as("the trace an operator looks the notice up by")
                    .matches("[0-9a-f]{32}");
            card.findElement(By.tagName("summary")).click();
            List<String> steps = card.findElements(By.cssSelector("ol.history > li")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(steps).hasSize(6);
            assertThat(steps.get(0)).endsWith(WORDS.of("deliveries.status.QUEUED"));
            assertThat(steps.subList(1, 5)).allSatisfy(step -> assertThat(step)
                    .contains(WORDS.of("deliveries.step.RETRYING") + " · webhook answered 503"));
            assertThat(steps.get(5)).endsWith(WORDS.of("deliveries.status.FAILED") + " · webhook answered 503");
            laptop.screenshot("operator-desktop-en-deliveries");
            hand.get(caravan.gateway() + "/#/deliveries");
            deliveryCard(hand, handWait, recipient)
                    .findElement(By.tagName("summary"))
                    .click();
            assertThat(widthOverflow(hand))
                    .as("a delivery's error and trace fit the phone")
                    .isLessThanOrEqualTo(0);
            phone.screenshot("operator-phone-en-deliveries");

            // The webhook is back; the operator sends the notice again and watches it go, without a reload.
            webhook.back();
            markThePage(desk);
            card.findElement(button(
                            WORDS.of("deliveries.retryFor", "kind", "ASSIGNMENT_OFFERED", "recipient", recipient)))
                    .click();
            deskWait.until(ExpectedConditions.textToBePresentInElement(
                    card.findElement(By.cssSelector(".card-title")), WORDS.of("deliveries.status.SENT")));
            assertThat(stillTheSamePage(desk))
                    .as("the outcome came without a reload")
                    .isTrue();
            assertThat(card.findElements(button(
                            WORDS.of("deliveries.retryFor", "kind", "ASSIGNMENT_OFFERED", "recipient", recipient))))
                    .as("a sent delivery is not offered to be sent again")
                    .isEmpty();
            assertThat(card.findElements(By.cssSelector("ol.history > li")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .as("the history goes on from the failure")
                    .hasSize(8)
                    .last()
                    .asString()
                    .endsWith(WORDS.of("deliveries.status.SENT"));
            assertThat(webhook.received())
                    .as("the webhook received the notice once, as this delivery")
                    .singleElement()
                    .asString()
                    .startsWith(deliveryId + " ")
                    .contains(item);
            laptop.screenshot("operator-desktop-en-deliveries-sent-again");

            // 3. A record notification-service cannot read is dead-lettered; the operator reads it and discards it.
            String key = UUID.randomUUID().toString();
            String eventId = UUID.randomUUID().toString();
            publishUnreadablePledge(key, eventId);
            String label = PLEDGED + " " + key;
            desk.get(caravan.gateway() + "/#/dead-letters");
            deskWait.until(ExpectedConditions.textToBe(By.tagName("h1"), WORDS.of("deadLetters.title")));
            WebElement letter = deadLetter(desk, deskWait, key);
            assertThat(letter.findElement(By.cssSelector(".card-title")).getText())
                    .isEqualTo(WORDS.of("deadLetters.status.WAITING") + " " + PLEDGED);
            assertThat(fact(letter, WORDS.of("deadLetters.topic"))).isEqualTo(DONATIONS_TOPIC);
            letter.findElement(button(WORDS.of("deadLetters.showFor", "what", label)))
                    .click();
            WebElement payload = deskWait.until(d -> letter.findElement(By.cssSelector("pre.payload")));
            assertThat(payload.getText()).isEqualTo("this is not a pledge {");
            assertThat(fact(letter, WORDS.of("deadLetters.eventId"))).isEqualTo(eventId);
            assertThat(fact(letter, WORDS.of("deadLetters.deadLetterTopic")))
                    .isEqualTo("error." + DONATIONS_TOPIC + ".notification-service");
            laptop.screenshot("operator-desktop-en-dead-letters");
            hand.get(caravan.gateway() + "/#/dead-letters");
            WebElement onThePhone = deadLetter(hand, handWait, key);
            onThePhone
                    .findElement(button(WORDS.of("deadLetters.showFor", "what", label)))
                    .click();
            handWait.until(d -> onThePhone.findElement(By.cssSelector("pre.payload")));
            assertThat(widthOverflow(hand))
                    .as("a dead letter's payload and stack trace fit the phone")
                    .isLessThanOrEqualTo(0);
            phone.screenshot("operator-phone-en-dead-letters");

            letter.findElement(button(WORDS.of("deadLetters.discardFor", "what", label)))
                    .click();
            WebElement form = deskWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form[aria-label='" + WORDS.of("deadLetters.discardTitle", "what", label) + "']")));
            String reason = "Written by a broken producer " + run + "; nothing to apply";
            InTheBrowser.control(form, WORDS.of("deadLetters.reason")).sendKeys(reason);
            laptop.screenshot("operator-desktop-en-dead-letters-discard");
            form.findElement(button(WORDS.of("deadLetters.discardConfirm"))).click();
            deskWait.until(ExpectedConditions.textToBePresentInElement(
                    letter.findElement(By.cssSelector(".card-title")), WORDS.of("deadLetters.status.DISCARDED")));
            assertThat(letter.findElements(button(WORDS.of("deadLetters.discardFor", "what", label))))
                    .as("a discarded letter is not offered to be discarded or replayed")
                    .isEmpty();

            new Select(filter(desk, WORDS.of("deadLetters.filter"))).selectByValue("DISCARDED");
            WebElement discarded = deadLetter(desk, deskWait, key);
            assertThat(discarded.findElement(By.cssSelector(".card-title")).getText())
                    .isEqualTo(WORDS.of("deadLetters.status.DISCARDED") + " " + PLEDGED);
            discarded
                    .findElement(button(WORDS.of("deadLetters.showFor", "what", label)))
                    .click();
            deskWait.until(d -> discarded.findElement(By.cssSelector("pre.payload")));
            assertThat(fact(discarded, WORDS.of("deadLetters.reason"))).isEqualTo(reason);
            assertThat(fact(discarded, WORDS.of("deadLetters.resolvedBy"))).isEqualTo(operator.subject());
            laptop.screenshot("operator-desktop-en-dead-letters-discarded");
        }
    }

    @Test
    void aVolunteerIsOfferedNoneOfTheOperatorsScreensAndIsRefusedThem() {
        SignedInCaravan.Person volunteer = caravan.register("志愿者 Volunteer " + UUID.randomUUID(), "en");
        try (Chromium phone = Chromium.start("en", 390, 844)) {
            WebDriver browser = phone.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            choosePasswordAndSignIn(caravan, browser, wait, volunteer);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), WORDS.of("assignments.title")));
            assertThat(InTheBrowser.navigation(browser))
                    .as("a volunteer's navigation has no operator's screen")
                    .contains(WORDS.of("nav.assignments"))
                    .doesNotContain(WORDS.of("nav.deliveries"), WORDS.of("nav.deadLetters"), WORDS.of("nav.health"));
            for (String screen : List.of("deliveries", "dead-letters", "health")) {
                browser.get(caravan.gateway() + "/#/" + screen);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("main"), WORDS.of("app.nothingForYourRoles")));
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(WORDS.of("app.name"));
            }
            phone.screenshot("volunteer-phone-en-operators-screen");
            assertThat(statusOfFetch(browser, "/api/deliveries"))
                    .as("deliveries are refused to a volunteer")
                    .isEqualTo(403);
            assertThat(statusOfFetch(browser, "/api/operations/notification/dead-letters"))
                    .as("dead letters are refused to a volunteer")
                    .isEqualTo(403);
            assertThat(statusOfFetch(browser, "/api/operations/health"))
                    .as("the services' health is refused to a volunteer")
                    .isEqualTo(403);
        }
    }

    private static void seesEverythingUp(WebDriver browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".health-summary"),
                WORDS.of(
                        "health.summary",
                        "up",
                        String.valueOf(SERVICES.size()),
                        "total",
                        String.valueOf(SERVICES.size()))));
        String up = WORDS.of("health.state.UP");
        for (String service : SERVICES) {
            assertThat(browser.findElement(By.id("health-" + service)).getText())
                    .isEqualTo(up + " " + service);
            assertThat(browser.findElement(By.cssSelector(
                                    "ul[aria-label='" + WORDS.of("health.replicasOf", "service", service) + "']"))
                            .getText())
                    .as("the replica of %s answered its readiness check", service)
                    .startsWith(up + " 127.0.0.1:")
                    .contains(" ms");
        }
        assertThat(browser.findElement(By.id("health-provider")).getText())
                .isEqualTo(up + " " + WORDS.of("health.provider"));
        assertThat(browser.findElement(By.xpath("//article[@aria-labelledby='health-provider']"))
                        .getText())
                .contains(caravan.issuer());
    }

    /** The failed delivery's card on the deliveries screen, which lists the failed ones first. */
    private static WebElement deliveryCard(WebDriver browser, WebDriverWait wait, String recipient) {
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), WORDS.of("deliveries.title")));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class, 'delivery')][.//dd[normalize-space()='" + recipient + "']]")));
    }

    /** The dead letter of notification-service with the key, on the list the screen shows now. */
    private static WebElement deadLetter(WebDriver browser, WebDriverWait wait, String key) {
        new Select(wait.until(d -> filter(d, WORDS.of("deadLetters.service")))).selectByValue("notification");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class, 'dead-letter')][.//dd[normalize-space()='" + key + "']]")));
    }

    private static WebElement filter(WebDriver browser, String label) {
        return browser.findElement(By.xpath("//select[@id=//label[normalize-space()='" + label + "']/@for]"));
    }

    /** What the card says of one fact: the definition after its term. */
    private static String fact(WebElement card, String term) {
        return card.findElement(By.xpath(".//dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
                .getText();
    }

    /** The coordinator's script offers the visit's one place to the volunteer. */
    private static void offer(String token, String visitId, String volunteerId) {
        String itemId = caravan.get(caravan.volunteerService() + "/api/visits/" + visitId + "/staffing", token)
                .get(0)
                .path("itemId")
                .asString();
        caravan.post(
                caravan.volunteerService() + "/api/programme-items/" + itemId + "/assignments",
                token,
                Map.of("role", ROLE, "volunteerId", volunteerId));
    }

    /** The delivery to the recipient, once its tries are used up (quickly: the test caravan retries within seconds). */
    private static JsonNode failedDeliveryTo(String recipient) {
        String operators = caravan.scriptsToken("operator");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> caravan.get(
                                caravan.notificationService() + "/api/deliveries?status=FAILED&recipient=" + recipient,
                                operators),
                        found -> found.size() == 1)
                .get(0);
    }

    /**
     * A pledge event whose body is not JSON, written to the donations topic with the headers of a real one, as a
     * broken producer would; notification-service, the topic's one consumer, dead-letters it. Waits until it does.
     */
    private static void publishUnreadablePledge(String key, String eventId) {
        Map<String, Object> settings = Map.of("bootstrap.servers", caravan.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    DONATIONS_TOPIC, key, "this is not a pledge {".getBytes(StandardCharsets.UTF_8));
            Map.of(
                            "ce_id", eventId,
                            "ce_source", "donation-service",
                            "ce_type", PLEDGED,
                            "ce_subject", key,
                            "ce_time", "2026-09-28T02:15:00Z",
                            "ce_specversion", "1.0",
                            "content-type", "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + DONATIONS_TOPIC, e);
        }
        String operators = caravan.scriptsToken("operator");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> caravan.get(
                        caravan.notificationService() + "/api/dead-letters?status=WAITING&size=200", operators)
                .valueStream()
                .anyMatch(letter -> key.equals(letter.path("key").asString())));
    }

    /**
     * A partner system's webhook on this machine, on a port the system chose for it: down for maintenance (503, which
     * a sender may try again) until it is back, then taking every notice. It notes each request's delivery id.
     */
    private static final class PartnerWebhook implements AutoCloseable {

        private final HttpServer server;
        private final List<String> refused = new CopyOnWriteArrayList<>();
        private final List<String> received = new CopyOnWriteArrayList<>();
        private volatile boolean up;

        private PartnerWebhook(HttpServer server) {
            this.server = server;
        }

        static PartnerWebhook down() throws IOException {
            PartnerWebhook webhook = new PartnerWebhook(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            webhook.server.createContext("/hook", exchange -> {
                String delivery = exchange.getRequestHeaders().getFirst("X-Caravan-Delivery");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (webhook.up) {
                    webhook.received.add(delivery + " " + body);
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    webhook.refused.add(delivery);
                    exchange.sendResponseHeaders(503, -1);
                }
                exchange.close();
            });
            webhook.server.start();
            return webhook;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void back() {
            up = true;
        }

        /** The delivery id of each request answered 503. */
        List<String> refused() {
            return refused;
        }

        /** The delivery id and body of each request taken. */
        List<String> received() {
            return received;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
