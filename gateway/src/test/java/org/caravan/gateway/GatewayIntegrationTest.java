package org.caravan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.caravan.gateway.routing.ReplicaAddresses;
import org.caravan.gateway.routing.RouteTable;
import org.caravan.infrastructure.FreePorts;
import org.caravan.tracing.testing.RecordedSpans;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on a real port, in front of real HTTP servers standing in for the services ({@link Backends}) and
 * signing people in with the real identity-service run from its jar ({@link IdentityProvider}). Tests use
 * {@code localhost}, the host the provider's redirect URIs name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import({GatewayIntegrationTest.TestReplicaAddresses.class, RecordedSpans.Exporter.class})
abstract class GatewayIntegrationTest {

    protected static final int PORT = FreePorts.next();
    protected static final int MANAGEMENT_PORT = FreePorts.next();
    protected static final String GATEWAY = "http://localhost:" + PORT;
    protected static final String QIAO = "qiao@volunteers.example";
    protected static final String QIAO_SUBJECT = "volunteer-qiao-yuanhui";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder()
            // As browsers speak to a plain-HTTP server: HTTP/1.1, no offer to upgrade to h2c.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        IdentityProvider provider = IdentityProvider.forGatewayOn(PORT);
        registry.add("server.port", () -> String.valueOf(PORT));
        registry.add("management.server.port", () -> String.valueOf(MANAGEMENT_PORT));
        registry.add("caravan.gateway.issuer-uri", provider::issuer);
        registry.add("caravan.gateway.client.secret", () -> IdentityProvider.CLIENT_SECRET);
        for (RouteTable.Service service : RouteTable.Service.values()) {
            registry.add("caravan.gateway.routes." + service.shortName() + ".uri", () -> Backends.uri(service));
            registry.add(
                    "caravan.gateway.routes." + service.shortName() + ".readiness-port",
                    () -> String.valueOf(Backends.port(service)));
        }
        // Replicas checked often, so that the replica tests see a change within a fraction of a second.
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "200ms");
        registry.add("spring.cloud.loadbalancer.health-check.refetch-instances-interval", () -> "400ms");
        registry.add("caravan.gateway.replicas.check-timeout", () -> "200ms");
        registry.add("caravan.gateway.session.cookie-secure", () -> "false");
        // Shorter than the stream's pause between two events: the client timeouts must not cut a stream.
        registry.add("caravan.gateway.read-timeout", () -> "1s");
        registry.add("caravan.gateway.request-timeout", () -> "3s");
        registry.add("caravan.gateway.header-timeout", () -> "1s");
        registry.add("caravan.gateway.rate-limits.sign-in.capacity", () -> "1000");
        registry.add("caravan.gateway.rate-limits.api.capacity", () -> "1000");
        registry.add("caravan.gateway.rate-limits.links.capacity", () -> "8");
        // As behind a proxy: the rate limit tests speak from addresses of their own (X-Forwarded-For).
        registry.add("server.forward-headers-strategy", () -> "framework");
        // The gateway's spans reach the recording exporter soon after each request.
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    /** Names resolved as {@link Backends#addressesOf} does: the volunteer replicas' name stands for two addresses. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestReplicaAddresses {

        @Bean
        @Primary
        ReplicaAddresses backendAddresses() {
            return Backends::addressesOf;
        }
    }

    protected static Browser signedIn(String email) {
        Browser browser = new Browser(GATEWAY);
        Browser.Page home = browser.signIn(email, IdentityProvider.DEMO_PASSWORD);
        assertThat(home.uri().toString()).isEqualTo(GATEWAY + "/");
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        return browser;
    }

    protected record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    protected static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Accept", "application/json");
    }

    /** The claims of a JWT, read without checking it (the services check it; here only its content matters). */
    protected static JsonNode claims(String bearer) {
        String token = bearer.substring("Bearer ".length());
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
