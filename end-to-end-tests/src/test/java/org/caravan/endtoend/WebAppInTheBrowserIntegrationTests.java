package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
            assertThat(InTheBrowser.widthOverflow(browser))
                    .as("nothing wider than the 360-pixel screen")
                    .isLessThanOrEqualTo(0);
            chromium.screenshot("volunteer-phone-zh-CN");

            browser.get(caravan.gateway() + "/#/profile");
            WebElement phone = wait.until(ExpectedConditions.visibilityOfElementLocated(InTheBrowser.labelled("电话")));
            phone.clear();
            phone.sendKeys("+86 139 0000 0042");
            browser.findElement(By.xpath("//button[normalize-space()='保存我的资料']"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "您的资料已保存。"));
            assertThat(InTheBrowser.widthOverflow(browser)).isLessThanOrEqualTo(0);
            chromium.screenshot("volunteer-phone-zh-CN-profile");
            browser.navigate().refresh();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(InTheBrowser.labelled("电话")))
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
            InTheBrowser.choosePasswordAndSignIn(caravan, browser, wait, li);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Upcoming visits"));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/visits/" + visitId + "']")));
            // Each card counts its places with its own request: wait for them rather than read the first paint.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "places to fill"));
            assertThat(browser.findElement(By.id("main")).getText()).contains("共谱祖国颂", "places to fill");
            coordinatorsLaptop.screenshot("coordinator-desktop-en-upcoming-visits");

            // The same visits as a month: the demo visit on its day, leading to its board.
            browser.findElement(By.linkText("Calendar")).click();
            YearMonth thisMonth = YearMonth.now(BEIJING);
            YearMonth visitsMonth = YearMonth.from(DemoScenario.upcomingDay());
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#calendar-title"), monthTitle(thisMonth)));
            if (!visitsMonth.equals(thisMonth)) {
                browser.findElement(By.linkText("Next month")).click();
                wait.until(ExpectedConditions.textToBe(By.cssSelector("#calendar-title"), monthTitle(visitsMonth)));
            }
            assertThat(browser.getCurrentUrl()).endsWith("#/visits?view=calendar&month=" + visitsMonth);
            WebElement onItsDay = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("table.month-grid a[href='#/visits/" + visitId + "']")));
            WebElement day = onItsDay.findElement(By.xpath("ancestor::td"));
            assertThat(day.findElement(By.tagName("time")).getAttribute("datetime"))
                    .isEqualTo(DemoScenario.upcomingDay().toString());
            assertThat(onItsDay.getText()).contains("09:30", "共谱祖国颂");
            wait.until(ExpectedConditions.textToBePresentInElement(day, "places to fill"));
            coordinatorsLaptop.screenshot("coordinator-desktop-en-calendar");
            onItsDay.click();

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
            InTheBrowser.choosePasswordAndSignIn(caravan, browser, wait, qiao);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "我的任务"));
            WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button[aria-label*='Model-worker talk: BIM']")));
            assertThat(accept.getText()).isEqualTo("接受");
            qiaosPhone.screenshot("volunteer-phone-zh-CN-offer");
            accept.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "已确认"));
            qiaosPhone.screenshot("volunteer-phone-zh-CN-accepted");
            assertThat(InTheBrowser.widthOverflow(browser)).isLessThanOrEqualTo(0);
        }
    }

    @Test
    void aCoordinatorCreatesAndSchedulesAVisitOnAPhone() throws Exception {
        SignedInCaravan.Person zhou = caravan.inviteCoordinator("Zhou Jihua 周计划");
        String siteName = "华章社区 Huazhang community "
                + java.util.UUID.randomUUID().toString().substring(0, 8);
        String token = caravan.scriptsToken("coordinator");
        HttpResponse<String> site = HttpExchange.send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(caravan.eventService() + "/api/sites"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + siteName
                                + "\",\"kind\":\"COMMUNITY\",\"district\":\"朝阳区\",\"address\":\"华章路 1 号\","
                                + "\"timeZone\":\"Asia/Shanghai\"}"))
                        .build());
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .plusDays(40)
                .toString();
        String theme = "社区读书日 Community reading day " + day;

        try (Chromium coordinatorsPhone = Chromium.start("en", 390, 844)) {
            WebDriver browser = coordinatorsPhone.driver();
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            InTheBrowser.choosePasswordAndSignIn(caravan, browser, wait, zhou);
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Upcoming visits"));
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("New visit")))
                    .click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "New visit"));

            WebElement details = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[aria-label='The visit']")));
            InTheBrowser.control(details, "Name of the new caravan").sendKeys("朝阳读书大篷车 Chaoyang reading caravan");
            Select sites = new Select(wait.until(d -> InTheBrowser.control(details, "Site")));
            wait.until(
                    d -> sites.getOptions().stream().anyMatch(o -> o.getText().startsWith(siteName)));
            sites.selectByVisibleText(siteName + " (朝阳区)");
            InTheBrowser.control(details, "Theme").sendKeys(theme);
            InTheBrowser.type(browser, InTheBrowser.control(details, "Start date"), day);
            InTheBrowser.type(browser, InTheBrowser.control(details, "Starts at"), "14:00");
            InTheBrowser.type(browser, InTheBrowser.control(details, "Ends at"), "16:00");
            InTheBrowser.control(details, "Expected audience (people)").sendKeys("120");
            coordinatorsPhone.screenshot("coordinator-phone-en-new-visit");
            details.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Plan: " + theme));
            String visitId = browser.getCurrentUrl().replaceAll(".*#/visits/([^/]+)/edit$", "$1");
            wait.until(ExpectedConditions.elementToBeClickable(
                            By.xpath("//button[normalize-space()='Add a programme item']")))
                    .click();
            WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form[aria-label='Add a programme item']")));
            InTheBrowser.control(item, "Title").sendKeys("Picture-book reading 绘本共读");
            InTheBrowser.control(item, "Length (minutes)").clear();
            InTheBrowser.control(item, "Length (minutes)").sendKeys("45");
            item.findElement(By.xpath(".//button[normalize-space()='Add a role']"))
                    .click();
            InTheBrowser.control(item, "Role").sendKeys("reader");
            InTheBrowser.control(item, "Skills").sendKeys("reading, 朗读");
            InTheBrowser.control(item, "How many people").clear();
            InTheBrowser.control(item, "How many people").sendKeys("3");
            coordinatorsPhone.screenshot("coordinator-phone-en-programme-item");
            item.findElement(By.xpath(".//button[normalize-space()='Save the item']"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("ol.programme"), "reader: 3 people (reading, 朗读)"));
            assertThat(InTheBrowser.widthOverflow(browser))
                    .as("the planner fits the phone")
                    .isLessThanOrEqualTo(0);

            wait.until(ExpectedConditions.elementToBeClickable(
                            By.xpath("//button[normalize-space()='Schedule the visit']")))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Staffing board"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Scheduled"));
            coordinatorsPhone.screenshot("coordinator-phone-en-scheduled");

            HttpResponse<String> saved = HttpExchange.send(
                    HttpClient.newHttpClient(),
                    HttpRequest.newBuilder(URI.create(caravan.eventService() + "/api/visits/" + visitId))
                            .header("Authorization", "Bearer " + token)
                            .build());
            assertThat(saved.body())
                    .contains("\"status\":\"SCHEDULED\"", theme, "\"startsAt\":\"" + day + "T14:00:00\"")
                    .contains("Picture-book reading 绘本共读", "\"role\":\"reader\"", "\"headcount\":3");
            // The published programme reaches volunteer-service, where its places can be offered.
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> HttpExchange.send(
                            HttpClient.newHttpClient(),
                            HttpRequest.newBuilder(URI.create(
                                            caravan.volunteerService() + "/api/visits/" + visitId + "/staffing"))
                                    .header("Authorization", "Bearer " + token)
                                    .build())
                    .body()
                    .contains("Picture-book reading"));

            // On a phone, the month lists its days with visits: the new one, its places still to fill.
            String month = day.substring(0, 7);
            browser.get(caravan.gateway() + "/#/visits?view=calendar&month=" + month);
            WebElement agenda = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.agenda")));
            assertThat(browser.findElements(By.cssSelector("table.month-grid")))
                    .as("no grid of seven columns on a phone")
                    .isEmpty();
            WebElement onItsDay = agenda.findElement(By.xpath(".//li[.//time[@datetime='" + day + "']]"));
            assertThat(onItsDay.findElement(By.cssSelector("a[href='#/visits/" + visitId + "']"))
                            .getText())
                    .contains("02:00", theme);
            wait.until(ExpectedConditions.textToBePresentInElement(onItsDay, "3 places to fill"));
            assertThat(InTheBrowser.widthOverflow(browser))
                    .as("the month fits the phone")
                    .isLessThanOrEqualTo(0);
            coordinatorsPhone.screenshot("coordinator-phone-en-calendar");
        }
    }

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** "December 2026", as the web app heads its month in English. */
    private static String monthTitle(YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
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
}
