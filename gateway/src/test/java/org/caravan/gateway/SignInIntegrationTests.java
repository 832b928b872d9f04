package org.caravan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SignInIntegrationTests extends GatewayIntegrationTest {

    @Test
    void aPersonSignsInAtTheProviderAndTheServicesReceiveTheirAccessToken() {
        Browser browser = new Browser(GATEWAY);
        List<Browser.Page> toSignIn = browser.navigate("/");
        assertThat(toSignIn.get(0).status()).isEqualTo(302);
        assertThat(toSignIn.get(0).location()).isEqualTo(GATEWAY + "/oauth2/authorization/caravan");
        Browser.Page authorize = toSignIn.get(1);
        assertThat(authorize.location())
                .startsWith(IdentityProvider.forGatewayOn(PORT).issuer() + "/oauth2/authorize?")
                .contains("client_id=caravan-gateway", "code_challenge=", "code_challenge_method=S256")
                .contains("redirect_uri=http://localhost:" + PORT + "/login/oauth2/code/caravan");

        Browser.Page home = browser.signIn(QIAO, IdentityProvider.DEMO_PASSWORD);

        assertThat(home.uri().toString()).isEqualTo(GATEWAY + "/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).as("the web app").contains("<div id=\"root\"></div>", "/assets/index-");
        JsonNode me = browser.api("GET", "/api/me", null, false).json();
        assertThat(me.path("subject").asString()).isEqualTo(QIAO_SUBJECT);
        assertThat(me.path("name").asString()).isEqualTo("乔元辉 Qiao Yuanhui");
        assertThat(me.path("roles").toString()).isEqualTo("[\"volunteer\"]");

        Browser.Page reached = browser.api("GET", "/api/volunteers/me", null, false);
        assertThat(reached.status()).as(reached.body()).isEqualTo(200);
        JsonNode echo = JSON.readTree(reached.body());
        assertThat(echo.path("service").asString()).isEqualTo("volunteer-service");
        assertThat(echo.path("path").asString()).isEqualTo("/api/volunteers/me");
        JsonNode token = claims(echo.path("authorization").asString());
        assertThat(token.path("sub").asString()).isEqualTo(QIAO_SUBJECT);
        assertThat(token.path("aud").toString()).contains("caravan");
        assertThat(echo.path("cookie").isNull())
                .as("the gateway's cookies stay at the gateway")
                .isTrue();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndTheTokensNeverReachTheBrowser() {
        Browser browser = new Browser(GATEWAY);
        List<Browser.Page> toSignIn = browser.navigate("/");
        Browser.Page signInPage = toSignIn.get(toSignIn.size() - 1);
        List<Browser.Page> back = browser.follow(browser.post(
                signInPage.uri().toString(), Map.of("email", QIAO, "password", IdentityProvider.DEMO_PASSWORD)));
        Browser.Page callback = back.stream()
                .filter(page -> page.uri().getPath().equals("/login/oauth2/code/caravan"))
                .findFirst()
                .orElseThrow();

        assertThat(callback.all("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("CARAVAN_SESSION=")
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"));
        back.forEach(page -> assertThat(page.body() + page.headers()).doesNotContain("eyJ"));
        assertThat(browser.api("GET", "/api/me", null, false).body()).doesNotContain("eyJ");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeItIsRelayed() throws InterruptedException {
        Browser browser = signedIn(QIAO);
        String first = browser.api("GET", "/api/inbox", null, false)
                .json()
                .path("authorization")
                .asString();

        Thread.sleep(3_000);
        String second = browser.api("GET", "/api/inbox", null, false)
                .json()
                .path("authorization")
                .asString();

        assertThat(second).isNotEqualTo(first);
        assertThat(claims(second).path("sub").asString()).isEqualTo(QIAO_SUBJECT);
        assertThat(claims(second).path("exp").asLong())
                .isGreaterThan(claims(first).path("exp").asLong());
    }

    @Test
    void aStateChangingCallNeedsTheCsrfCookiesTokenAsAHeader() {
        Browser browser = signedIn(QIAO);
        assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();

        Browser.Page refused = browser.api("POST", "/api/assignments/some-id/accept", "{}", false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("CSRF");

        Browser.Page accepted = browser.api("POST", "/api/assignments/some-id/accept", "{}", true);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode echo = JSON.readTree(accepted.body());
        assertThat(echo.path("method").asString()).isEqualTo("POST");
        assertThat(claims(echo.path("authorization").asString()).path("sub").asString())
                .isEqualTo(QIAO_SUBJECT);
    }

    @Test
    void signingOutEndsTheGatewaysSessionAndTheProvidersToo() {
        Browser browser = signedIn(QIAO);
        String issuer = IdentityProvider.forGatewayOn(PORT).issuer();

        Browser.Page signedOut = browser.post("/logout", Map.of("_csrf", browser.cookie("XSRF-TOKEN")));

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location())
                .startsWith(issuer + "/connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=");
        List<Browser.Page> after = browser.follow(signedOut);
        assertThat(after.get(after.size() - 1).uri().getPath())
                .as("back at the gateway, which sends to sign-in, where the provider asks for the password again")
                .isEqualTo("/login");
        assertThat(after).anySatisfy(page -> assertThat(page.uri().toString()).isEqualTo(GATEWAY + "/"));
        Browser.Page me = browser.api("GET", "/api/me", null, false);
        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void signingOutWithoutTheCsrfTokenIsRefused() {
        Browser browser = signedIn(QIAO);

        assertThat(browser.post("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(browser.api("GET", "/api/me", null, false).status()).isEqualTo(200);
    }
}
