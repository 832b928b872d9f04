package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caravan.infrastructure.FormBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front door, whole: a coordinator's script registers a volunteer through the gateway; the provider hears of it
 * from Kafka and e-mails an invitation; the volunteer chooses a password with the link (once), signs in through the
 * gateway (authorization code with PKCE at the provider), and reaches their own record at volunteer-service, which
 * trusts the provider by its issuer and published keys alone.
 */
class SignInThroughTheGatewayIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SignedInCaravan caravan;

    @BeforeAll
    static void start() throws java.io.IOException {
        caravan = SignedInCaravan.shared();
    }

    @Test
    void anInvitedVolunteerChoosesAPasswordOnceSignsInAndReachesTheirOwnRecord() {
        SignedInCaravan.Person li = caravan.register("Li Na 李娜", "en");

        String link = caravan.invitationLinkFor(li.email());
        FormBrowser linkBrowser = new FormBrowser(caravan.issuer());
        assertThat(linkBrowser.get(link).status()).isEqualTo(200);
        FormBrowser.Page chosen = linkBrowser.post(
                "/password/new",
                Map.of("token", tokenOf(link), "password", li.password(), "confirmation", li.password()));
        assertThat(chosen.status()).as(chosen.body()).isIn(200, 302, 303);
        FormBrowser.Page again = linkBrowser.get(link);
        assertThat(again.body()).as("the link works once").contains("already been used");

        FormBrowser browser = new FormBrowser(caravan.gateway());
        FormBrowser.Page home = signIn(browser, li.email(), li.password());
        assertThat(home.uri().toString()).isEqualTo(caravan.gateway() + "/");
        assertThat(home.status()).isEqualTo(200);

        FormBrowser.Page me = browser.api("GET", "/api/me", null, false);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("subject").asString()).isEqualTo(li.subject());
        FormBrowser.Page record = browser.api("GET", "/api/volunteers/me", null, false);
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        JsonNode own = JSON.readTree(record.body());
        assertThat(own.path("subject").asString()).isEqualTo(li.subject());
        assertThat(own.path("name").asString()).isEqualTo(li.name());
        FormBrowser.Page assignments = browser.api("GET", "/api/volunteers/me/assignments", null, false);
        assertThat(assignments.status()).as(assignments.body()).isEqualTo(200);
        assertThat(assignments.body()).doesNotContain("eyJ");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessageAndNoSession() {
        SignedInCaravan.Person wang = caravan.register("Wang Qiang 王强", "en");
        choosePassword(wang);

        FormBrowser browser = new FormBrowser(caravan.gateway());
        List<FormBrowser.Page> toSignIn = browser.navigate("/");
        FormBrowser.Page form = toSignIn.get(toSignIn.size() - 1);
        List<FormBrowser.Page> refused = browser.follow(browser.post(
                form.uri().toString(), Map.of("email", wang.email(), "password", "not-" + wang.password())));
        FormBrowser.Page last = refused.get(refused.size() - 1);

        assertThat(last.uri().getPath()).isEqualTo("/login");
        assertThat(last.body()).contains("Wrong e-mail address or password.");
        assertThat(browser.api("GET", "/api/me", null, false).status()).isEqualTo(401);
    }

    @Test
    void aStateChangingCallWithoutTheCsrfHeaderIsRefusedAndChangesNothing() {
        SignedInCaravan.Person zhao = caravan.register("Zhao Min 赵敏", "en");
        choosePassword(zhao);
        FormBrowser browser = new FormBrowser(caravan.gateway());
        signIn(browser, zhao.email(), zhao.password());
        String change = "{\"name\":\"Someone Else\"}";

        FormBrowser.Page refused = browser.api("PUT", "/api/volunteers/me", change, false);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("CSRF");
        FormBrowser.Page record = browser.api("GET", "/api/volunteers/me", null, false);
        assertThat(JSON.readTree(record.body()).path("name").asString()).isEqualTo(zhao.name());
    }

    @Test
    void signingOutEndsTheSessionAtTheGatewayAndAtTheProvider() {
        SignedInCaravan.Person sun = caravan.register("Sun Li 孙丽", "en");
        choosePassword(sun);
        FormBrowser browser = new FormBrowser(caravan.gateway());
        signIn(browser, sun.email(), sun.password());

        FormBrowser.Page signedOut = browser.post("/logout", Map.of("_csrf", browser.cookie("XSRF-TOKEN")));
        List<FormBrowser.Page> after = browser.follow(signedOut);

        assertThat(signedOut.location()).startsWith(caravan.issuer() + "/connect/logout?");
        assertThat(after.get(after.size() - 1).uri().getPath())
                .as("back at the gateway, sent to sign in, asked for the password again")
                .isEqualTo("/login");
        assertThat(browser.api("GET", "/api/me", null, false).status()).isEqualTo(401);
    }

    private static void choosePassword(SignedInCaravan.Person volunteer) {
        new FormBrowser(caravan.issuer())
                .choosePassword(caravan.invitationLinkFor(volunteer.email()), volunteer.password());
    }

    /** Opens the gateway, is sent to the provider's form, signs in there, and is sent back: the last page. */
    private static FormBrowser.Page signIn(FormBrowser browser, String email, String password) {
        List<FormBrowser.Page> pages = browser.signIn(email, password);
        assertThat(pages).anySatisfy(page -> assertThat(page.uri().toString()).startsWith(caravan.issuer() + "/login"));
        return pages.get(pages.size() - 1);
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
