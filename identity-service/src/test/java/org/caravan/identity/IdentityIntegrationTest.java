package org.caravan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caravan.infrastructure.FreePorts;
import org.caravan.infrastructure.LocalMailServer;
import org.caravan.infrastructure.SharedInfrastructure;
import org.caravan.tracing.testing.RecordedSpans;
import org.junit.jupiter.api.BeforeEach;
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
 * The provider under test on a real port (its issuer is that URL), on the JVM's shared real PostgreSQL (its own
 * database) and Kafka broker (invitations from volunteer-service's events) and a real SMTP server, with a clock the
 * tests move. Secrets are the tests' own, not the local profile's; the command line's client is registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import({IdentityIntegrationTest.Clocks.class, RecordedSpans.Exporter.class})
public abstract class IdentityIntegrationTest {

    protected static final int PORT = FreePorts.next();
    protected static final String BASE = "http://localhost:" + PORT;
    protected static final String SCRIPTS_SECRET = "scripts+secret/for=tests"; // as LocalSecrets.generate() may
    protected static final String GATEWAY_SECRET = "gateway+secret/for=tests";
    protected static final String SERVICES_SECRET = "services-secret-for-tests";
    protected static final String GATEWAY_REDIRECT = "http://localhost:18080/login/oauth2/code/caravan";
    protected static final TestClock CLOCK = new TestClock();
    /** 03:45 in Beijing on a Tuesday: nothing in the rules may depend on the hour or the machine's zone. */
    protected static final Instant MOMENT = Instant.parse("2026-12-07T19:45:00Z");

    protected static final LocalMailServer MAIL = mailServer();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            // As browsers speak to a plain-HTTP server: HTTP/1.1, no offer to upgrade to h2c.
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static LocalMailServer mailServer() {
        LocalMailServer mail = LocalMailServer.onFreePorts();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "identity-test-mail-stop"));
        return mail;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.get()
                .serviceProperties("identity_service")
                .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("server.port", () -> String.valueOf(PORT));
        registry.add("management.server.port", () -> "0");
        registry.add("caravan.identity.issuer", () -> BASE);
        registry.add("caravan.identity.keys.encryption-secret", () -> "seal-secret-for-the-tests-only");
        registry.add("caravan.identity.clients.scripts.secret", () -> SCRIPTS_SECRET);
        registry.add("caravan.identity.clients.scripts.roles", () -> "operator,coordinator");
        registry.add("caravan.identity.clients.gateway.secret", () -> GATEWAY_SECRET);
        registry.add("caravan.identity.clients.gateway.redirect-uris", () -> GATEWAY_REDIRECT);
        registry.add("caravan.identity.clients.services.secret", () -> SERVICES_SECRET);
        registry.add("caravan.identity.clients.cli.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> String.valueOf(MAIL.smtpPort()));
        // The provider's spans reach the recording exporter soon after they end.
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
    }

    @BeforeEach
    void startAtTheChosenMoment() {
        CLOCK.setTo(MOMENT);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    /** An answer of the JSON endpoints. */
    protected record Answer(int status, JsonNode body, String raw) {}

    /** A client-credentials token: for the scripts' client with the scopes (roles) asked for. */
    protected static Answer clientCredentials(String clientId, String secret, String scope) {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope.replace(" ", "+"));
        return send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    protected static String operatorToken() {
        Answer answer = clientCredentials("caravan-scripts", SCRIPTS_SECRET, "operator");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().path("access_token").asString();
    }

    protected static String servicesToken() {
        Answer answer = clientCredentials("caravan-services", SERVICES_SECRET, "accounts.invite");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body().path("access_token").asString();
    }

    protected static Answer api(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    protected static Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .header("Accept", "application/json")
                .GET());
    }

    /** Invites someone as an operator does; answers the API's answer. */
    protected static Answer invite(String subject, String email, String locale, String... roles) {
        return api(
                "POST",
                "/api/invitations",
                operatorToken(),
                Map.of(
                        "subject",
                        subject,
                        "email",
                        email,
                        "name",
                        "Test " + subject,
                        "roles",
                        List.of(roles),
                        "locale",
                        locale));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The mail sent to the address, waited for: the SMTP server received it for real. */
    protected static MimeMessage awaitMailTo(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address).size() >= count);
        return mailTo(address).get(count - 1);
    }

    protected static List<MimeMessage> mailTo(String address) {
        return MAIL.received().stream()
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to -> to.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    protected static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The password link in a mail, as a path on the provider. */
    protected static String linkIn(MimeMessage message) {
        Matcher link = Pattern.compile(Pattern.quote(BASE) + "(/password/new\\?token=[A-Za-z0-9_-]+)")
                .matcher(text(message));
        assertThat(link.find()).as("a password link in: %s", text(message)).isTrue();
        return link.group(1);
    }

    /** Chooses the password with the e-mailed link, in a browser of its own, and answers the outcome. */
    protected static Browser.Page choosePassword(String link, String password) {
        Browser browser = new Browser(BASE, "en");
        Browser.Page form = browser.get(link);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        String token = link.substring(link.indexOf("token=") + "token=".length());
        return browser.post("/password/new", Map.of("token", token, "password", password, "confirmation", password));
    }

    /** The provider's published keys, found as any relying party finds them: through the discovery document. */
    protected static JWKSet publishedKeys() {
        Answer discovery = get("/.well-known/openid-configuration");
        Answer keys = get(discovery.body().path("jwks_uri").asString());
        try {
            return JWKSet.parse(keys.raw());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims, once its signature is verified against the published key its {@code kid} names. */
    protected static JWTClaimsSet verified(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = publishedKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key)
                    .as("a published key with kid %s", jwt.getHeader().getKeyID())
                    .isNotNull();
            assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).isTrue();
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String kidOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The gateway's sign-in, as the gateway and a browser perform it: authorization request with PKCE, the sign-in
     * page, the redirect back with a code, and the code exchanged for tokens (with the verifier and the secret).
     */
    protected static Answer authorizationCodeFlow(Browser browser, String email, String password) {
        String verifier = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8));
        String challenge;
        try {
            challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String authorize =
                "/oauth2/authorize?response_type=code&client_id=caravan-gateway&scope=openid%20profile%20email"
                        + "&state=state-1&redirect_uri="
                        + java.net.URLEncoder.encode(GATEWAY_REDIRECT, StandardCharsets.UTF_8)
                        + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        assertThat(browser.get(authorize).redirect()).endsWith("/login");
        String afterSignIn = browser.signIn(email, password).redirect();
        assertThat(afterSignIn).contains("/oauth2/authorize");
        String callback = browser.get(afterSignIn).redirect();
        assertThat(callback).startsWith(GATEWAY_REDIRECT).contains("state=state-1");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        assertThat(code.find()).isTrue();
        String form = "grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri="
                + java.net.URLEncoder.encode(GATEWAY_REDIRECT, StandardCharsets.UTF_8) + "&code_verifier=" + verifier;
        return send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", basic("caravan-gateway", GATEWAY_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    protected static Answer refresh(String refreshToken) {
        return send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Authorization", basic("caravan-gateway", GATEWAY_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + refreshToken)));
    }

    /** HTTP Basic for a client as RFC 6749 2.3.1 has it: id and secret form-encoded first. */
    protected static String basic(String user, String password) {
        String pair = URLEncoder.encode(user, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    protected static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String raw = response.body();
            if (raw != null && (raw.startsWith("{") || raw.startsWith("["))) {
                body = JSON.readTree(raw);
            }
            return new Answer(response.statusCode(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
