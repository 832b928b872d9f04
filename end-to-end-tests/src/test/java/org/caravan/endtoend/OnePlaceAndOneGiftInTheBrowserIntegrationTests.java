package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caravan.endtoend.InTheBrowser.button;
import static org.caravan.endtoend.InTheBrowser.choosePasswordAndSignIn;
import static org.caravan.endtoend.InTheBrowser.control;
import static org.caravan.endtoend.InTheBrowser.markThePage;
import static org.caravan.endtoend.InTheBrowser.statusOfFetch;
import static org.caravan.endtoend.InTheBrowser.stillTheSamePage;
import static org.caravan.endtoend.InTheBrowser.type;
import static org.caravan.endtoend.InTheBrowser.widthOverflow;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The story the web app exists for, in a real Chromium through the gateway, once in each language, with every
 * service running: a coordinator offers a volunteer a place; the volunteer, on a phone, sees the offer arrive in the
 * inbox and accepts; the coordinator's board fills; the visit is moved to this very hour and the volunteer's page
 * shows the new time; on the day the coordinator checks the volunteer in and out and certifies the hours, which the
 * volunteer then finds; the volunteer is offered none of the coordinator's screens, and the services refuse them
 * anyway; a donor's liaison watches the donor's pledge be delivered and its receipt appear. Nobody reloads a page
 * to see another person's action: each page is marked, and the mark must still be there.
 */
class OnePlaceAndOneGiftInTheBrowserIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String ROLE = "kite maker";
    private static SignedInCaravan caravan;

    @BeforeAll
    static void start() throws java.io.IOException {
        caravan = SignedInCaravan.shared();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "zh-CN"})
    void aPlaceGoesFromOfferToCertifiedHoursAndAGiftToItsReceiptWithoutAReload(String language) {
        AppWords words = AppWords.in(language);
        String run = UUID.randomUUID().toString().substring(0, 6);
        String skill = "KITES-" + run.toUpperCase();
        SignedInCaravan.Person volunteer = caravan.register("风筝手 Kite flyer " + run, language, List.of(skill));
        SignedInCaravan.Person someoneElse = caravan.register("别人 Someone else " + run, language);
        SignedInCaravan.Person coordinator = caravan.invite("协调员 Coordinator " + run, "coordinator", language);
        SignedInCaravan.Person liaison = caravan.invite("联络人 Liaison " + run, "donor_liaison", language);
        String token = caravan.scriptsToken("coordinator");
        String item = "风筝课 Kite workshop " + run;
        String theme = "放飞梦想 Flying dreams " + run;
        String visitId = caravan.scheduleVisit(token, theme, item, ROLE, skill);
        String donor = "华章书店 Huazhang bookshop " + run;
        String pledgeId = pledgedBooks(token, visitId, donor, liaison.subject());
        String someoneElsesId = caravan.volunteerId(token, someoneElse.subject());

        try (Chromium laptop = Chromium.start(language, 1280, 900);
                Chromium phone = Chromium.start(language, 360, 740)) {
            WebDriver board = laptop.driver();
            WebDriverWait boardWait = new WebDriverWait(board, PATIENCE);
            WebDriver mine = phone.driver();
            WebDriverWait mineWait = new WebDriverWait(mine, PATIENCE);
            choosePasswordAndSignIn(caravan, board, boardWait, coordinator);
            choosePasswordAndSignIn(caravan, mine, mineWait, volunteer);
            boardWait.until(ExpectedConditions.textToBe(By.tagName("h1"), words.of("visits.title")));
            mineWait.until(ExpectedConditions.textToBe(By.tagName("h1"), words.of("assignments.title")));

            // The volunteer waits in the inbox, connected to the live stream.
            mine.get(caravan.gateway() + "/#/inbox");
            mineWait.until(ExpectedConditions.textToBe(By.tagName("h1"), words.of("inbox.title")));
            mineWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), words.of("inbox.empty")));
            mineWait.until(ExpectedConditions.textToBe(By.cssSelector("header .live"), words.of("live.live")));
            markThePage(mine);

            // The coordinator asks for suggestions and offers the place to the one with the skill.
            board.get(caravan.gateway() + "/#/visits/" + visitId);
            boardWait
                    .until(ExpectedConditions.elementToBeClickable(
                            button(words.of("board.suggestFor", "role", ROLE, "item", item))))
                    .click();
            boardWait
                    .until(ExpectedConditions.elementToBeClickable(
                            button(words.of("board.offerTo", "role", ROLE, "item", item, "name", volunteer.name()))))
                    .click();
            boardWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("main"), words.of("board.offeredTo", "name", volunteer.name())));
            markThePage(board);

            // The offer arrives in the volunteer's inbox as it is made.
            mineWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), item));
            assertThat(mine.findElement(By.id("main")).getText()).contains(words.of("inbox.unread"));
            assertThat(stillTheSamePage(mine))
                    .as("the notice came without a reload")
                    .isTrue();
            assertThat(mine.findElements(By.cssSelector(".notice-body a[href*='/api/answer-links/']")))
                    .as("the offer's accept and decline links, to the app's own gateway")
                    .hasSize(2);
            assertThat(widthOverflow(mine))
                    .as("a notice's long links fit the phone")
                    .isLessThanOrEqualTo(0);
            phone.screenshot("story-" + language + "-volunteer-phone-inbox");

            // The volunteer accepts from their assignments.
            mine.findElement(By.xpath("//nav//a[normalize-space()='" + words.of("nav.assignments") + "']"))
                    .click();
            mineWait.until(ExpectedConditions.elementToBeClickable(
                            button(words.of("assignments.acceptItem", "item", item))))
                    .click();
            mineWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("main"), words.of("assignmentStatus.CONFIRMED")));
            String before = mine.findElement(By.cssSelector(".visit-when")).getText();
            markThePage(mine);

            // The coordinator's board shows the place filled.
            boardWait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("main"), words.of("staffing.full")));
            assertThat(stillTheSamePage(board))
                    .as("the board filled without a reload")
                    .isTrue();
            laptop.screenshot("story-" + language + "-coordinator-board-filled");

            // The school moves the visit to this very hour; the coordinator sees first who will be told.
            ZonedDateTime startsAt =
                    ZonedDateTime.now(SITE_ZONE).truncatedTo(ChronoUnit.MINUTES).plusMinutes(20);
            ZonedDateTime endsAt = startsAt.plusHours(2);
            board.findElement(button(words.of("change.reschedule"))).click();
            WebElement form = boardWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form[aria-label='" + words.of("change.rescheduleTitle") + "']")));
            type(
                    board,
                    control(form, words.of("change.startDate")),
                    startsAt.toLocalDate().toString());
            type(board, control(form, words.of("change.startTime")), hhmm(startsAt));
            type(
                    board,
                    control(form, words.of("change.endDate")),
                    endsAt.toLocalDate().toString());
            type(board, control(form, words.of("change.endTime")), hhmm(endsAt));
            control(form, words.of("change.reason")).sendKeys("The school moved its assembly 学校调整了集会时间");
            boardWait.until(ExpectedConditions.textToBePresentInElement(
                    form, words.of("change.toldLine", "item", item, "role", ROLE, "count", "1")));
            assertThat(form.getText()).contains(words.of("change.told.rescheduled.one", "count", "1"));
            laptop.screenshot("story-" + language + "-coordinator-reschedule");
            form.findElement(button(words.of("change.confirmReschedule"))).click();
            boardWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("main"), words.prefixOf("change.done.rescheduled")));

            // The volunteer's page shows the new time.
            mineWait.until(driver ->
                    !driver.findElement(By.cssSelector(".visit-when")).getText().equals(before));
            assertThat(mine.findElement(By.cssSelector(".visit-when")).getText())
                    .contains(String.format(":%02d", startsAt.getMinute()));
            assertThat(stillTheSamePage(mine))
                    .as("the new time came without a reload")
                    .isTrue();
            phone.screenshot("story-" + language + "-volunteer-phone-moved");

            // The visit day: check in, check out, certify.
            boardWait
                    .until(ExpectedConditions.elementToBeClickable(By.linkText(words.of("board.visitDay"))))
                    .click();
            boardWait
                    .until(ExpectedConditions.elementToBeClickable(
                            button(words.of("day.checkInName", "name", volunteer.name()))))
                    .click();
            boardWait
                    .until(ExpectedConditions.elementToBeClickable(
                            button(words.of("day.checkOutName", "name", volunteer.name()))))
                    .click();
            boardWait
                    .until(ExpectedConditions.elementToBeClickable(
                            button(words.of("day.certifyName", "name", volunteer.name()))))
                    .click();
            boardWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("main"), words.of("day.said.certified", "hours", "0", "name", volunteer.name())));
            laptop.screenshot("story-" + language + "-coordinator-visit-day");

            // The volunteer finds the certified hours, and nothing of the coordinator's.
            mine.findElement(By.xpath("//nav//a[normalize-space()='" + words.of("nav.hours") + "']"))
                    .click();
            mineWait.until(ExpectedConditions.textToBe(By.tagName("h1"), words.of("hours.title")));
            // The statement's line for the item: its hours (none, as the place was left as soon as taken up),
            // certified.
            WebElement line = mineWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//table[contains(@class, 'statement-table')]//tr[td[contains(., '" + item + "')]]")));
            assertThat(line.findElement(By.cssSelector(".line-state")).getText())
                    .isEqualTo(words.of("hours.state.certified"));
            phone.screenshot("story-" + language + "-volunteer-phone-hours");
            assertThat(InTheBrowser.navigation(mine))
                    .as("a volunteer is offered no coordinator's screen")
                    .doesNotContain(words.of("nav.visits"), words.of("nav.pledges"));
            mine.get(caravan.gateway() + "/#/visits/" + visitId);
            mineWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("main"), words.of("app.nothingForYourRoles")));
            assertThat(statusOfFetch(mine, "/api/visits/" + visitId + "/staffing"))
                    .as("the staffing board is refused to a volunteer")
                    .isEqualTo(403);
            assertThat(statusOfFetch(mine, "/api/volunteers/" + someoneElsesId + "/service-hours"))
                    .as("another volunteer's hours are not found: not even their existence is told")
                    .isEqualTo(404);
            assertThat(statusOfFetch(mine, "/api/pledges/" + pledgeId))
                    .as("a pledge is refused to a volunteer")
                    .isEqualTo(403);
            assertThat(widthOverflow(mine)).as("nothing wider than the phone").isLessThanOrEqualTo(0);
        }

        try (Chromium laptop = Chromium.start(language, 1280, 900)) {
            WebDriver browser = laptop.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            choosePasswordAndSignIn(caravan, browser, wait, liaison);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), words.of("pledges.title")));
            List<WebElement> pledges =
                    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("ul.cards > li"), 0));
            assertThat(pledges)
                    .as("a liaison sees the pledges of their own donors only")
                    .hasSize(1);
            pledges.get(0).findElement(By.linkText(donor)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), words.of("receipt.none")));
            markThePage(browser);

            String quantities = "{\"quantities\":[{\"line\":1,\"quantity\":100}]}";
            String pledge = caravan.donationService() + "/api/pledges/" + pledgeId;
            caravan.post(pledge + "/receive", token, json(quantities));
            caravan.post(pledge + "/dispatch", token, json(quantities));
            caravan.post(
                    pledge + "/deliver",
                    token,
                    Map.of(
                            "quantities", List.of(Map.of("line", 1, "quantity", 100)),
                            "receivedBy", Map.of("name", "刘老师 Teacher Liu", "role", "Librarian 图书管理员"),
                            "signatureRef", "receipt-" + run));

            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("main"),
                    words.of("receipt.receivedBy", "name", "刘老师 Teacher Liu", "role", "Librarian 图书管理员")));
            assertThat(browser.findElement(By.id("main")).getText())
                    .contains(words.of("pledgeStatus.DELIVERED"), words.of("receipt.title"));
            assertThat(stillTheSamePage(browser))
                    .as("the receipt came without a reload")
                    .isTrue();
            laptop.screenshot("story-" + language + "-liaison-receipt");
        }
    }

    /** A donor the liaison looks after, and their pledge of books for the visit, once donation-service knows it. */
    private static String pledgedBooks(String token, String visitId, String donor, String liaisonSubject) {
        String donations = caravan.donationService();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> caravan.get(donations + "/api/visits/" + visitId + "/donations", token) != null);
        String donorId = caravan.post(
                        donations + "/api/donors",
                        token,
                        Map.of(
                                "name",
                                donor,
                                "kind",
                                "ORGANISATION",
                                "contact",
                                Map.of("name", "Shop office", "email", "shop@donors.example"),
                                "liaisonSubject",
                                liaisonSubject))
                .path("id")
                .asString();
        return caravan.post(
                        donations + "/api/pledges",
                        token,
                        Map.of(
                                "donorId",
                                donorId,
                                "visitId",
                                visitId,
                                "items",
                                List.of(Map.of(
                                        "kind", "BOOKS",
                                        "description", "Picture books about kites",
                                        "quantity", 100,
                                        "unit", "books",
                                        "estimatedValue", Map.of("amountMinor", 250000, "currency", "CNY")))))
                .path("pledgeId")
                .asString();
    }

    private static JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.shared().readTree(text);
    }

    private static String hhmm(ZonedDateTime at) {
        return String.format("%02d:%02d", at.getHour(), at.getMinute());
    }
}
