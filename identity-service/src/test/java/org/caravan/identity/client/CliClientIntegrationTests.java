package org.caravan.identity.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caravan.identity.Browser;
import org.caravan.identity.IdentityIntegrationTest;
import org.caravan.identity.account.Accounts;
import org.caravan.identity.account.Role;
import org.caravan.identity.signin.Locales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The command line's sign-in (client {@code caravan-cli}, enabled here as in the local profile): a public client,
 * authorization code with PKCE, the browser sent back to the loopback port the command listens on (RFC 8252).
 */
class CliClientIntegrationTests extends IdentityIntegrationTest {

    private static final String PASSWORD = "a command line password";

    @Autowired
    Accounts accounts;

    private String subject;
    private String email;

    @BeforeEach
    void aCoordinatorWithAPassword() {
        subject = unique("coordinator-cli");
        email = subject + "@caravan.example";
        accounts.createOrUpdate(
                subject, email, "李协调 Li", Set.of(Role.COORDINATOR.claim(), Role.VOLUNTEER.claim()), Locales.CHINESE);
        accounts.setPassword(subject, PASSWORD);
    }

    @Test
    void aSignInOnAnyLoopbackPortGivesAnAccessTokenWithThePersonsSubjectAndRolesAndNoRefreshToken() throws Exception {
        String redirect = "http://127.0.0.1:" + ThreadLocalRandom.current().nextInt(20000, 60000) + "/callback";
        String verifier = verifier();
        Browser browser = new Browser(BASE, "en");

        assertThat(browser.get(authorize(redirect, challenge(verifier))).redirect())
                .endsWith("/login");
        String afterSignIn = browser.signIn(email, PASSWORD).redirect();
        assertThat(afterSignIn).contains("/oauth2/authorize");
        String callback = browser.get(afterSignIn).redirect();
        assertThat(callback).startsWith(redirect + "?").contains("state=cli-state");
        Answer tokens = exchange(codeIn(callback), redirect, verifier);

        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        JWTClaimsSet access = verified(tokens.body().path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(subject);
        assertThat(access.getIssuer()).isEqualTo(BASE);
        assertThat(access.getAudience()).containsExactly("caravan");
        assertThat(access.getStringListClaim("roles")).containsExactly("coordinator", "volunteer");
        JWTClaimsSet id = verified(tokens.body().path("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(subject);
        assertThat(id.getAudience()).containsExactly("caravan-cli");
        assertThat(id.getStringClaim("name")).isEqualTo("李协调 Li");
        assertThat(tokens.body().has("refresh_token")).as(tokens.raw()).isFalse();
        assertThat(tokens.body().path("scope").asString().split(" ")).containsExactlyInAnyOrder("openid", "profile");
    }

    @Test
    void theCodeGoesOnlyToTheVerifierThatAskedForItAndOnlyOnce() {
        // Without a port too, as the registered URI itself (how ./caravan token reads the code off the redirect).
        String redirect = "http://127.0.0.1/callback";
        String verifier = verifier();
        Browser browser = new Browser(BASE, "en");
        browser.get(authorize(redirect, challenge(verifier)));
        String code =
                codeIn(browser.get(browser.signIn(email, PASSWORD).redirect()).redirect());

        Answer wrongVerifier = exchange(code, redirect, verifier());
        assertThat(wrongVerifier.status()).as(wrongVerifier.raw()).isEqualTo(400);
        assertThat(wrongVerifier.body().path("error").asString()).isEqualTo("invalid_grant");
        Answer otherPort = exchange(code, "http://127.0.0.1:43118/callback", verifier);
        assertThat(otherPort.status())
                .as("the redirect of the request, port included")
                .isEqualTo(400);
        assertThat(exchange(code, redirect, verifier).status()).isEqualTo(200);
        assertThat(exchange(code, redirect, verifier).status())
                .as("a code works once")
                .isEqualTo(400);
    }

    @Test
    void onlyTheRegisteredPathOnALoopbackAddressAndOnlyWithPkceIsAccepted() {
        Browser browser = new Browser(BASE, "en");

        assertThat(browser.get(authorize("http://127.0.0.1:43117/elsewhere", challenge(verifier())))
                        .status())
                .isEqualTo(400);
        assertThat(browser.get(authorize("http://localhost:43117/callback", challenge(verifier())))
                        .status())
                .as("localhost is a name, not a loopback address: it must match exactly, and is not registered")
                .isEqualTo(400);
        assertThat(browser.get(authorize("https://cli.example/callback", challenge(verifier())))
                        .status())
                .isEqualTo(400);
        String withoutPkce = "/oauth2/authorize?response_type=code&client_id=caravan-cli&scope=openid&state=s"
                + "&redirect_uri=" + enc("http://127.0.0.1:43117/callback");
        assertThat(browser.get(withoutPkce).redirect())
                .startsWith("http://127.0.0.1:43117/callback?")
                .contains("error=invalid_request");
    }

    private static String authorize(String redirect, String challenge) {
        return "/oauth2/authorize?response_type=code&client_id=caravan-cli&scope=openid%20profile&state=cli-state"
                + "&redirect_uri=" + enc(redirect) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    /** The token request of a public client: its id in the form, no secret, the PKCE verifier. */
    private static Answer exchange(String code, String redirect, String verifier) {
        String form = "grant_type=authorization_code&client_id=caravan-cli&code=" + code + "&redirect_uri="
                + enc(redirect) + "&code_verifier=" + verifier;
        return send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String codeIn(String callback) {
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        assertThat(code.find()).as(callback).isTrue();
        return code.group(1);
    }

    private static String verifier() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8));
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
