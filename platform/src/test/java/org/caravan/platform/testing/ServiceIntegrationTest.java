package org.caravan.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.EventType;
import org.caravan.platform.EventJson;
import org.caravan.platform.messaging.CloudEventHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * One running service for its integration tests, on the JVM's shared PostgreSQL (the database named in the
 * service's application.yml) and Kafka, with the steps every service's tests share: tokens, JSON bodies, events
 * sent as another service's relay would, and events awaited on a topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(TestClock.Configuration.class)
public abstract class ServiceIntegrationTest {

    /** The services' clock: each test starts at {@link Moments#DEFAULT} unless it sets another moment. */
    protected static final TestClock CLOCK = TestClock.shared();

    @Autowired
    protected WebTestClient http;

    @BeforeEach
    void startAtTheDefaultMoment() {
        CLOCK.setTo(Moments.DEFAULT.instant());
    }

    protected static Instant now() {
        return CLOCK.instant();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, databaseName());
    }

    private static String databaseName() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String name = properties == null ? null : properties.getProperty("caravan.database.name");
        if (name == null) {
            throw new IllegalStateException("application.yml names no caravan.database.name");
        }
        return name;
    }

    protected static String coordinator() {
        return TestInfrastructure.tokens().mint("coordinator-li", "coordinator");
    }

    protected static String token(String subject, String role) {
        return TestInfrastructure.tokens().mint(subject, role);
    }

    protected WebTestClient.ResponseSpec post(String token, String uri, Object body, Object... variables) {
        WebTestClient.RequestBodySpec request = http.post().uri(uri, variables).headers(h -> h.setBearerAuth(token));
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    protected WebTestClient.ResponseSpec get(String token, String uri, Object... variables) {
        return http.get()
                .uri(uri, variables)
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    protected static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Sends the event as its publisher's outbox relay would; returns its CloudEvents id. */
    protected static UUID publish(EventType<?> type, CaravanEvent event, String source) {
        return publish(type, event, source, UUID.randomUUID());
    }

    /** The same, with a chosen CloudEvents id: sent twice, it is the same event delivered twice. */
    protected static UUID publish(EventType<?> type, CaravanEvent event, String source, UUID id) {
        return publish(type, event, source, id, Map.of());
    }

    /** The same, with more headers (a traceparent, say) beside the CloudEvents ones. */
    protected static UUID publish(
            EventType<?> type, CaravanEvent event, String source, UUID id, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.putAll(Map.of(
                "ce_id", id.toString(),
                "ce_source", source,
                "ce_type", type.name(),
                "ce_subject", event.aggregateId(),
                "ce_time", CLOCK.instant().toString(),
                "ce_specversion", "1.0",
                "content-type", "application/json"));
        TopicProbe.send(
                type.topic().name(), event.aggregateId(), EventJson.write(event).getBytes(StandardCharsets.UTF_8), all);
        return id;
    }

    /** Waits for the event of that type about the aggregate and reads it into its record. */
    protected static <E extends CaravanEvent> E awaitEvent(TopicProbe topic, String key, EventType<E> type) {
        var record = topic.await(
                r -> key.equals(r.key()) && type.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)),
                Duration.ofSeconds(20));
        return EventJson.read(record.value(), type.payloadType());
    }
}
