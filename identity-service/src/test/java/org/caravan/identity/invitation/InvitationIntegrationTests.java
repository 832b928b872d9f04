package org.caravan.identity.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.caravan.identity.Browser;
import org.caravan.identity.IdentityIntegrationTest;
import org.junit.jupiter.api.Test;

class InvitationIntegrationTests extends IdentityIntegrationTest {

    @Test
    void anInvitedVolunteerChoosesAPasswordByTheLinkOnceAndSignsInWithIt() throws Exception {
        String subject = unique("volunteer-invited");
        String email = subject + "@volunteers.example";

        Answer invited = invite(subject, email, "zh-CN", "volunteer");

        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.body().path("status").asString()).isEqualTo("INVITED");
        assertThat(invited.body().path("invitationSent").asBoolean()).isTrue();
        MimeMessage mail = awaitMailTo(email, 1);
        assertThat(mail.getSubject()).isEqualTo("志愿服务大篷车：请设置您的密码");
        assertThat(text(mail)).contains("Test " + subject, "只能使用一次");
        String link = linkIn(mail);
        assertThat(new Browser(BASE, "en").signIn(email, "a password never set").redirect())
                .as("no sign-in before a password is chosen")
                .endsWith("error=credentials");

        Browser.Page chosen = choosePassword(link, "my own password 2026");
        assertThat(chosen.redirect()).endsWith("/login?password=set");

        Browser.Page again = new Browser(BASE, "en").get(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("This link has already been used.");
        Browser replay = new Browser(BASE, "en");
        replay.get("/login");
        String token = link.substring(link.indexOf("token=") + 6);
        Browser.Page replayed = replay.post(
                "/password/new",
                Map.of("token", token, "password", "someone elses password", "confirmation", "someone elses password"));
        assertThat(replayed.status()).isEqualTo(410);
        assertThat(new Browser(BASE, "en")
                        .signIn(email, "someone elses password")
                        .redirect())
                .endsWith("error=credentials");
        assertThat(new Browser(BASE, "en").signIn(email, "my own password 2026").redirect())
                .isEqualTo(BASE + "/");
        assertThat(api("GET", "/api/accounts/" + subject, operatorToken(), null)
                        .body()
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void anInvitationLinkExpiresAfterSevenDays() {
        String subject = unique("volunteer-late");
        String email = subject + "@volunteers.example";
        invite(subject, email, "en", "volunteer");
        String link = linkIn(awaitMailTo(email, 1));

        CLOCK.advance(Duration.ofDays(7).minusMinutes(1));
        assertThat(new Browser(BASE, "en").get(link).status())
                .as("a minute before it expires")
                .isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(1));
        Browser.Page expired = new Browser(BASE, "en").get(link);

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired.");
        assertThat(new Browser(BASE, "zh-CN").get(link).body()).contains("此链接已过期");
    }

    @Test
    void invitingAgainIsIdempotentUntilAResendIsAskedAndTheLatestLinkAloneWorks() {
        String subject = unique("volunteer-twice");
        String email = subject + "@volunteers.example";
        assertThat(invite(subject, email, "en", "volunteer").status()).isEqualTo(201);
        String first = linkIn(awaitMailTo(email, 1));

        Answer again = invite(subject, email, "en", "volunteer");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("invitationSent").asBoolean()).isFalse();

        Answer resent = api(
                "POST",
                "/api/invitations",
                operatorToken(),
                Map.of(
                        "subject",
                        subject,
                        "email",
                        email,
                        "name",
                        "Test",
                        "roles",
                        List.of("volunteer"),
                        "locale",
                        "en",
                        "resend",
                        true));
        assertThat(resent.body().path("invitationSent").asBoolean()).isTrue();
        String second = linkIn(awaitMailTo(email, 2));

        assertThat(new Browser(BASE, "en").get(first).status()).isEqualTo(410);
        assertThat(new Browser(BASE, "en").get(second).status()).isEqualTo(200);
        assertThat(mailTo(email)).hasSize(2);
    }

    @Test
    void theServicesClientInvitesVolunteersButOnlyAnOperatorCreatesCoordinators() {
        String volunteer = unique("volunteer-by-service");
        Answer byService = api(
                "POST",
                "/api/invitations",
                servicesToken(),
                Map.of(
                        "subject",
                        volunteer,
                        "email",
                        volunteer + "@volunteers.example",
                        "name",
                        "V",
                        "roles",
                        List.of("volunteer"),
                        "locale",
                        "zh-CN"));
        assertThat(byService.status()).as(byService.raw()).isEqualTo(201);

        String coordinator = unique("coordinator");
        Map<String, Object> asCoordinator = Map.of(
                "subject",
                coordinator,
                "email",
                coordinator + "@caravan.example",
                "name",
                "C",
                "roles",
                List.of("coordinator"),
                "locale",
                "zh-CN");
        assertThat(api("POST", "/api/invitations", servicesToken(), asCoordinator)
                        .status())
                .isEqualTo(403);
        assertThat(api("POST", "/api/invitations", operatorToken(), asCoordinator)
                        .status())
                .isEqualTo(201);
        assertThat(api("GET", "/api/accounts/" + coordinator, operatorToken(), null)
                        .body()
                        .path("roles")
                        .get(0)
                        .asString())
                .isEqualTo("coordinator");
    }

    @Test
    void invitationsNeedAnOperatorOrAServiceAndKnownRolesAndAFreeAddress() {
        String subject = unique("volunteer-refused");
        Map<String, Object> body = Map.of(
                "subject",
                subject,
                "email",
                subject + "@volunteers.example",
                "name",
                "R",
                "roles",
                List.of("volunteer"),
                "locale",
                "en");
        assertThat(api("POST", "/api/invitations", null, body).status()).isEqualTo(401);
        String coordinatorScript = clientCredentials("caravan-scripts", SCRIPTS_SECRET, "coordinator")
                .body()
                .path("access_token")
                .asString();
        assertThat(api("POST", "/api/invitations", coordinatorScript, body).status())
                .isEqualTo(403);

        Answer unknownRole = api(
                "POST",
                "/api/invitations",
                operatorToken(),
                Map.of(
                        "subject",
                        subject,
                        "email",
                        subject + "@volunteers.example",
                        "name",
                        "R",
                        "roles",
                        List.of("superuser"),
                        "locale",
                        "en"));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.body().path("code").asString()).isEqualTo("invalid-roles");

        invite(subject, subject + "@volunteers.example", "en", "volunteer");
        Answer taken = invite(unique("someone-else"), subject + "@volunteers.example", "en", "volunteer");
        assertThat(taken.status()).isEqualTo(409);
    }
}
