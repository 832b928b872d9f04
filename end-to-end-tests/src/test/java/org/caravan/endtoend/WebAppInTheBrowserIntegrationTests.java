package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.caravan.infrastructure.DemoPeople;
import org.caravan.infrastructure.DemoScenario;
import org.caravan.infrastructure.HttpExchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real browser (Chromium), through the real gateway, provider and volunteer-service: an invited
 * volunteer chooses a password from the e-mailed link, signs in at the provider's page, finds their screens in
 * their language on a phone-sized window, saves their profile, switches language, and signs out. The session cookie stays out of reach
 * of the page's JavaScript, and so does every token.
 */
class WebAppInTheBrowserIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static SignedInCaravan caravan;

    @BeforeAll
    static void start() throws java.io.IOException {
        caravan = SignedInCaravan.shared();
    }

    @Test
    void anInvitedVolunteerSignsInOnAPhoneAndUsesTheAppInTheirLanguage() {
        SignedInCaravan.Person chen = caravan.register("陈静 Chen Jing", "zh-CN");
        try (Chromium chromium = Chromium.start("zh-CN", 360, 740)) {
            WebDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

            browser.get(caravan.invitationLinkFor(chen.email()));
            browser.findElement(By.id("password")).sendKeys(chen.password());
            browser.findElement(By.id("confirmation")).sendKeys(chen.password());
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/login"));

            browser.get(caravan.gateway() + "/");
            wait.until(ExpectedConditions.urlContains(caravan.issuer() + "/login"));
            assertThat(browser.findElement(By.cssSelector("label[for=email]")).getText())
                    .as("the provider's page speaks the browser's language")
                    .isEqualTo("电子邮箱");
            browser.findElement(By.id("email")).sendKeys(chen.email());
            browser.findElement(By.id("password")).sendKeys(chen.password());
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(ExpectedConditions.urlContains(caravan.gateway()));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "我的任务"));
            assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("陈静 Chen Jing");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "您还没有任务。"));
            assertThat(browser.findElement(By.cssSelector("nav[aria-label]")).findElements(By.tagName("a")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .contains("我的任务", "消息");
            assertThat(widthOverflow(browser))
                    .as("nothing wider than the 360-pixel screen")
                    .isLessThanOrEqualTo(0);
            chromium.screenshot("volunteer-phone-zh-CN");

            browser.get(caravan.gateway() + "/#/profile");
            WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(labelled("电话")));
            phone.clear();
            phone.sendKeys("+86 139 0000 0042");
            browser.findElement(By.xpath("//button[normalize-space()='保存我的资料']"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "您的资料已保存。"));
            assertThat(widthOverflow(browser)).isLessThanOrEqualTo(0);
            chromium.screenshot("volunteer-phone-zh-CN-profile");
            browser.navigate().refresh();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(labelled("电话")))
                            .getAttribute("value"))
                    .as("the profile was saved by volunteer-service, not only shown")
                    .isEqualTo("+86 139 0000 0042");

            browser.get(caravan.gateway() + "/#/hours");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "您还没有服务时长记录。"));
            chromium.screenshot("volunteer-phone-zh-CN-hours");
            browser.get(caravan.gateway() + "/#/assignments");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "我的任务"));

            new Select(browser.findElement(By.cssSelector(".language select"))).selectByValue("en");
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "My assignments"));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");
            chromium.screenshot("volunteer-phone-en");

            Object cookies = ((JavascriptExecutor) browser).executeScript("return document.cookie");
            assertThat(String.valueOf(cookies))
                    .as("the session cookie is HttpOnly; no token is readable by the page")
                    .doesNotContain("CARAVAN_SESSION")
                    .doesNotContain("eyJ");

            browser.findElement(By.xpath("//button[normalize-space()='Sign out']"))
                    .click();
            wait.until(ExpectedConditions.urlContains(caravan.issuer() + "/login"));
            browser.get(caravan.gateway() + "/");
            wait.until(ExpectedConditions.urlContains(caravan.issuer() + "/login"));
            assertThat(List.of(browser.getCurrentUrl()))
                    .as("signed out everywhere: the provider asks for the password again")
                    .allSatisfy(url -> assertThat(url).startsWith(caravan.issuer() + "/login"));
        }
    }

    @Test
    void aCoordinatorOffersAPlaceOnTheBoardAndTheVolunteerAcceptsItInTheirBrowser() throws Exception {
        SignedInCaravan.Person li = caravan.inviteCoordinator("Li Xie 李协");
        String visitId = dandelionSchoolVisit();

        try (Chromium coordinatorsLaptop = Chromium.start("en", 1280, 900)) {
            WebDriver browser = coordinatorsLaptop.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            choosePasswordAndSignIn(browser, wait, li);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Upcoming visits"));
            WebElement board = wait.until(
                    ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/visits/" + visitId + "']")));
            assertThat(browser.findElement(By.id("main")).getText()).contains("共谱祖国颂", "places to fill");
            coordinatorsLaptop.screenshot("coordinator-desktop-en-upcoming-visits");
            board.click();

            WebElement talk = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//section[.//h2[contains(., 'Model-worker talk: BIM')]]")));
            talk.findElement(By.cssSelector("button[aria-label^='Suggest volunteers for']"))
                    .click();
            WebElement offer = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button[aria-label$='to 乔元辉 Qiao Yuanhui']")));
            WebElement qiaosSuggestion = offer.findElement(By.xpath("ancestor::li[contains(@class, 'suggestion')]"));
            assertThat(qiaosSuggestion.findElements(By.cssSelector(".reasons li")))
                    .as("the suggestion says why")
                    .isNotEmpty();
            coordinatorsLaptop.screenshot("coordinator-desktop-en-suggestions");
            offer.click();
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Offered to 乔元辉 Qiao Yuanhui."));
            coordinatorsLaptop.screenshot("coordinator-desktop-en-offered");
        }

        SignedInCaravan.Person qiao = new SignedInCaravan.Person(
                "volunteer-qiao-yuanhui", "乔元辉 Qiao Yuanhui", "qiao@volunteers.example", "qiao-chooses-this-one");
        try (Chromium qiaosPhone = Chromium.start("zh-CN", 360, 740)) {
            WebDriver browser = qiaosPhone.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            choosePasswordAndSignIn(browser, wait, qiao);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "我的任务"));
            WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button[aria-label*='Model-worker talk: BIM']")));
            assertThat(accept.getText()).isEqualTo("接受");
            qiaosPhone.screenshot("volunteer-phone-zh-CN-offer");
            accept.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "已确认"));
            qiaosPhone.screenshot("volunteer-phone-zh-CN-accepted");
            assertThat(widthOverflow(browser)).isLessThanOrEqualTo(0);
        }
    }

    /** The demo visit (Dandelion School, eight items) and its people, loaded as a coordinator's script does. */
    private static String dandelionSchoolVisit() throws Exception {
        String token = caravan.scriptsToken("coordinator");
        DemoScenario scenario = new DemoScenario(caravan.eventService(), token);
        String visitId = scenario.load(DemoScenario.upcomingDay());
        new DemoPeople(caravan.volunteerService(), token).load();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> HttpExchange.send(
                        HttpClient.newHttpClient(),
                        HttpRequest.newBuilder(
                                        URI.create(caravan.volunteerService() + "/api/visits/" + visitId + "/staffing"))
                                .header("Authorization", "Bearer " + token)
                                .build())
                .body()
                .contains("Model-worker talk"));
        return visitId;
    }

    /** Opens the e-mailed invitation, chooses the password, then signs in at the gateway's sign-in page. */
    private static void choosePasswordAndSignIn(WebDriver browser, WebDriverWait wait, SignedInCaravan.Person person) {
        browser.get(caravan.invitationLinkFor(person.email()));
        browser.findElement(By.id("password")).sendKeys(person.password());
        browser.findElement(By.id("confirmation")).sendKeys(person.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.get(caravan.gateway() + "/");
        wait.until(ExpectedConditions.urlContains(caravan.issuer() + "/login"));
        browser.findElement(By.id("email")).sendKeys(person.email());
        browser.findElement(By.id("password")).sendKeys(person.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(caravan.gateway()));
    }

    /** The form control a visible label names. */
    private static By labelled(String label) {
        return By.xpath("//input[@id=//label[normalize-space()='" + label + "']/@for]");
    }

    /** How many pixels the page is wider than the window (0 or less: it fits). */
    private static long widthOverflow(WebDriver browser) {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        return ((Number) overflow).longValue();
    }
}
