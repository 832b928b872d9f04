package org.caravan.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.caravan.identity.Browser;
import org.caravan.identity.IdentityIntegrationTest;
import org.caravan.identity.account.Accounts;
import org.caravan.identity.signin.Locales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ForgotPasswordIntegrationTests extends IdentityIntegrationTest {

    @Autowired
    Accounts accounts;

    private String email;

    @BeforeEach
    void aCoordinatorWhoForgotTheirPassword() {
        String subject = unique("coordinator-forgetful");
        email = subject + "@caravan.example";
        accounts.createOrUpdate(subject, email, "Li Na", Set.of("coordinator"), Locales.CHINESE);
        accounts.setPassword(subject, "the forgotten password");
    }

    private static Browser.Page askForALink(Browser browser, String address) {
        browser.get("/password/forgot");
        return browser.post("/password/forgot", Map.of("email", address));
    }

    @Test
    void theResetMailArrivesAtTheMailServerAndItsLinkSetsANewPassword() throws Exception {
        Browser browser = new Browser(BASE, "en");
        Browser.Page sent = askForALink(browser, email);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("a link to choose a new password is on its way");

        MimeMessage mail = awaitMailTo(email, 1);
        assertThat(mail.getSubject()).isEqualTo("Caravan: choose a new password");
        assertThat(mail.getFrom()[0].toString()).contains("noreply@caravan.example");
        String link = linkIn(mail);
        assertThat(browser.get(link).body()).contains("Choose a new password");

        assertThat(choosePassword(link, "a brand new password").redirect()).endsWith("/login?password=set");

        assertThat(new Browser(BASE, "en")
                        .signIn(email, "the forgotten password")
                        .redirect())
                .endsWith("error=credentials");
        assertThat(new Browser(BASE, "en").signIn(email, "a brand new password").redirect())
                .isEqualTo(BASE + "/");
        assertThat(new Browser(BASE, "en").get(link).status()).as("used once").isEqualTo(410);
    }

    @Test
    void aNewPasswordLiftsALockout() {
        Browser browser = new Browser(BASE, "en");
        for (int attempt = 0; attempt < 5; attempt++) {
            browser.signIn(email, "guess " + attempt);
        }
        assertThat(browser.signIn(email, "the forgotten password").redirect()).contains("error=locked");

        askForALink(browser, email);
        choosePassword(linkIn(awaitMailTo(email, 1)), "a brand new password");

        assertThat(browser.signIn(email, "a brand new password").redirect()).isEqualTo(BASE + "/");
    }

    @Test
    void theResetLinkExpiresAfterAnHour() {
        askForALink(new Browser(BASE, "zh-CN"), email);
        MimeMessage mail = awaitMailTo(email, 1);
        String link = linkIn(mail);
        assertThat(text(mail)).contains("设置新密码");

        CLOCK.advance(Duration.ofHours(1));

        Browser.Page expired = new Browser(BASE, "en").get(link);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired.");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String nobody = unique("nobody") + "@nowhere.example";

        Browser.Page sent = askForALink(new Browser(BASE, "en"), nobody);

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("a link to choose a new password is on its way");
        assertThat(mailTo(nobody)).isEmpty();
    }

    @Test
    void aShortOrMismatchedPasswordIsRefusedAndTheLinkStaysUsable() {
        Browser browser = new Browser(BASE, "en");
        askForALink(browser, email);
        String link = linkIn(awaitMailTo(email, 1));
        String token = link.substring(link.indexOf("token=") + 6);
        browser.get(link);

        Browser.Page tooShort =
                browser.post("/password/new", Map.of("token", token, "password", "short", "confirmation", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("The password is too short");
        Browser.Page mismatch = browser.post(
                "/password/new",
                Map.of("token", token, "password", "long enough one", "confirmation", "long enough two"));
        assertThat(mismatch.body()).contains("The two passwords differ.");

        assertThat(browser.get(link).status()).isEqualTo(200);
    }
}
