package org.caravan.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Map;
import org.caravan.identity.Browser;
import org.caravan.identity.IdentityIntegrationTest;
import org.caravan.identity.account.Accounts;
import org.caravan.identity.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SignInIntegrationTests extends IdentityIntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    Accounts accounts;

    private String email;
    private String subject;

    @BeforeEach
    void aVolunteerWithAPassword() {
        subject = unique("volunteer-sign-in");
        email = subject + "@volunteers.example";
        accounts.createOrUpdate(
                subject, email, "乔元辉 Qiao Yuanhui", java.util.Set.of(Role.VOLUNTEER.claim()), Locales.CHINESE);
        accounts.setPassword(subject, PASSWORD);
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguageAndSwitchesByALink() {
        Browser chinese = new Browser(BASE, "zh-CN,zh;q=0.9,en;q=0.8");
        Browser.Page page = chinese.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"", "电子邮箱", "忘记密码？", "?lang=en");

        Browser.Page switched = chinese.get("/login?lang=en");
        assertThat(switched.body()).contains("lang=\"en\"", "E-mail address", "Forgot your password?");
        assertThat(chinese.get("/login").body()).as("the choice is remembered").contains("E-mail address");

        assertThat(new Browser(BASE, "fr-FR,en;q=0.5").get("/login").body()).contains("Sign in");
        assertThat(new Browser(BASE, "zh-TW").get("/login").body()).contains("登录");
    }

    @Test
    void theRightPasswordSignsInAndTheGatewaysCodeFlowGivesTokensForTheAccountsSubjectAndRoles() throws Exception {
        Answer tokens = authorizationCodeFlow(new Browser(BASE, "en"), email.toUpperCase(), PASSWORD);

        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        JWTClaimsSet access = verified(tokens.body().path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(subject);
        assertThat(access.getIssuer()).isEqualTo(BASE);
        assertThat(access.getAudience()).containsExactly("caravan");
        assertThat(access.getStringListClaim("roles")).containsExactly("volunteer");
        JWTClaimsSet id = verified(tokens.body().path("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(subject);
        assertThat(id.getAudience()).containsExactly("caravan-gateway");
        assertThat(id.getStringClaim("name")).isEqualTo("乔元辉 Qiao Yuanhui");
        assertThat(id.getStringClaim("email")).isEqualTo(email);
        assertThat(id.getStringClaim("locale")).isEqualTo("zh-CN");
        assertThat(tokens.body().path("refresh_token").asString()).isNotBlank();
    }

    @Test
    void aRefreshReadsTheAccountsRolesAgainAndUserInfoDescribesThePerson() throws Exception {
        Answer tokens = authorizationCodeFlow(new Browser(BASE, "en"), email, PASSWORD);
        Answer changed = api(
                "PUT",
                "/api/accounts/" + subject + "/roles",
                operatorToken(),
                Map.of("roles", java.util.List.of("volunteer", "donor_liaison")));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        Answer refreshed = refresh(tokens.body().path("refresh_token").asString());

        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(verified(refreshed.body().path("access_token").asString()).getStringListClaim("roles"))
                .containsExactly("donor_liaison", "volunteer");
        Answer userInfo =
                api("GET", "/userinfo", refreshed.body().path("access_token").asString(), null);
        assertThat(userInfo.status()).as(userInfo.raw()).isEqualTo(200);
        assertThat(userInfo.body().path("sub").asString()).isEqualTo(subject);
        assertThat(userInfo.body().path("email").asString()).isEqualTo(email);
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessageInThePersonsLanguage() {
        Browser english = new Browser(BASE, "en");
        String back = english.signIn(email, "not the password").redirect();
        assertThat(back).endsWith("/login?error=credentials");
        assertThat(english.get(back).body()).contains("Wrong e-mail address or password.");

        Browser chinese = new Browser(BASE, "zh-CN");
        assertThat(chinese.get(chinese.signIn(email, "not the password").redirect())
                        .body())
                .contains("电子邮箱或密码错误。");
        assertThat(new Browser(BASE, "en")
                        .signIn("nobody@nowhere.example", PASSWORD)
                        .redirect())
                .as("an unknown address is answered alike")
                .endsWith("/login?error=credentials");
    }

    @Test
    void fiveWrongPasswordsLockTheAddressForFifteenMinutesEvenForTheRightPassword() {
        Browser browser = new Browser(BASE, "en");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(browser.signIn(email, "wrong " + attempt).redirect()).endsWith("error=credentials");
        }
        String fifth = browser.signIn(email, "wrong 5").redirect();
        assertThat(fifth).endsWith("/login?error=locked&minutes=15");
        assertThat(browser.get(fifth).body())
                .contains("Too many failed attempts: sign-in with this address is locked for 15 more minutes.");

        CLOCK.advance(Duration.ofMinutes(10));
        String whileLocked = browser.signIn(email, PASSWORD).redirect();
        assertThat(whileLocked).as("the right password while locked").endsWith("error=locked&minutes=5");
        assertThat(new Browser(BASE, "zh-CN").get(whileLocked).body()).contains("请在 5 分钟后再试");

        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(browser.signIn(email, PASSWORD).redirect()).isEqualTo(BASE + "/");
        assertThat(browser.get("/").body()).contains("You are signed in as 乔元辉 Qiao Yuanhui");
    }

    @Test
    void aSignInWithoutTheFormsCsrfTokenIsRefused() {
        Browser browser = new Browser(BASE, "en");
        browser.get("/login");

        Browser.Page page = browser.postWithout("/login", Map.of("email", email, "password", PASSWORD));

        assertThat(page.status()).isEqualTo(403);
    }
}
