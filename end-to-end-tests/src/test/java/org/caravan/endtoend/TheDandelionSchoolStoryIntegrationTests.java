package org.caravan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.caravan.infrastructure.DemoDonations;
import org.caravan.infrastructure.DemoPeople;
import org.caravan.infrastructure.DemoScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;

/**
 * The Dandelion School visit walked through the running system, as its people would, over HTTP only: the
 * coordinator plans and staffs it, volunteers answer in the app and from their e-mail, the day is recorded and
 * the hours certified, the gifts are delivered, a visit moves by two hours, another is cancelled, and a service that
 * was down catches up.
 */
class TheDandelionSchoolStoryIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static RunningCaravan caravan;
    private static Api api;
    private static String coordinator;

    @BeforeAll
    static void startCaravan() throws Exception {
        caravan = RunningCaravan.shared();
        api = new Api(caravan);
        coordinator = caravan.token("coordinator-li", "coordinator");
    }

    /**
     * The visit from plan to gifts, one step a test so that a failure names its step; a step runs only if the steps
     * before it passed (the rest are skipped, not failed again).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class TheVisitFromPlanToGifts {

        private int stepsPassed;

        @RegisterExtension
        final TestWatcher countsPassedSteps = new TestWatcher() {
            @Override
            public void testSuccessful(ExtensionContext context) {
                stepsPassed++;
            }
        };

        private String visitId;
        private Map<String, String> people;
        private String bimTalk;
        private String craftTalk;
        private String recitation;
        private String qiaoOnBim;
        private List<JsonNode> staffed;

        @BeforeEach
        void onlyAfterTheStepsBefore(TestInfo step) {
            int order = step.getTestMethod()
                    .orElseThrow()
                    .getAnnotation(Order.class)
                    .value();
            assumeTrue(stepsPassed == order - 1, "an earlier step of the visit failed");
        }

        @Test
        @Order(1)
        void theCoordinatorPlansTheVisitAndOffersItsPlacesAndVolunteersAnswer() {
            visitId = new DemoScenario(url("event-service"), coordinator).load();
            people = new DemoPeople(url("volunteer-service"), coordinator).load();
            List<JsonNode> board = awaitBoard(visitId);
            bimTalk = itemTitled(board, "Model-worker talk");
            craftTalk = itemTitled(board, "Talk 《工匠薪火");
            recitation = itemTitled(board, "Recitation");

            qiaoOnBim = offer(bimTalk, "speaker", people.get("volunteer-qiao-yuanhui"));
            String xu = offer(craftTalk, "speaker", people.get("volunteer-xu-jiancheng"));
            String yang = offer(craftTalk, "speaker", people.get("volunteer-yang-hui"));
            String xiaomi = offerTeamSlot(recitation, "小米青年志愿服务队");
            assertThat(answer(qiaoOnBim, "accept", "volunteer-qiao-yuanhui")).isEqualTo("CONFIRMED");
            assertThat(answer(xu, "accept", "volunteer-xu-jiancheng")).isEqualTo("CONFIRMED");
            assertThat(answer(yang, "decline", "volunteer-yang-hui")).isEqualTo("DECLINED");
            assertThat(answer(xiaomi, "accept", "volunteer-xiaomi-lead")).isEqualTo("CONFIRMED");
        }

        @Test
        @Order(2)
        void theSuggestedVolunteerAnswersTheLastPlaceFromTheirMailboxOnce() throws Exception {
            JsonNode next = api.get(
                            "volunteer-service",
                            "/api/programme-items/" + craftTalk + "/suggestions?role=speaker",
                            coordinator)
                    .get(0);
            assertThat(next.path("volunteerId").asString()).isEqualTo(people.get("volunteer-qiao-yuanhui"));
            String qiaoOnCraft =
                    offer(craftTalk, "speaker", next.path("volunteerId").asString());

            MimeMessage offerMail = awaitMail("qiao@volunteers.example", "工匠薪火");
            String text = offerMail.getContent().toString();
            String acceptLink = text.substring(text.indexOf("接受：") + 3, text.indexOf(" 婉拒："));
            JsonNode answered = postLink(acceptLink);
            assertThat(answered.path("id").asString()).isEqualTo(qiaoOnCraft);
            assertThat(answered.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(caravan.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(acceptLink))
                                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                            .statusCode())
                    .isEqualTo(410);
            assertThat(awaitMail("qiao@volunteers.example", "已确认：Talk 《工匠薪火")
                            .getContent()
                            .toString())
                    .contains("感谢");
            String qiao = caravan.token("volunteer-qiao-yuanhui", "volunteer");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(about(qiaoOnCraft, qiao))
                    .extracting(e -> e.path("kind").asString())
                    .containsExactlyInAnyOrder("ASSIGNMENT_OFFERED", "ASSIGNMENT_CONFIRMED"));
        }

        @Test
        @Order(3)
        void theBoardShowsTheVisitStaffedAndThoseConcernedWereTold() {
            staffed = api.get("volunteer-service", "/api/visits/" + visitId + "/staffing", coordinator)
                    .valueStream()
                    .toList();
            assertThat(staffed)
                    .filteredOn(line -> List.of(bimTalk, craftTalk)
                                    .contains(line.path("itemId").asString())
                            || (line.path("itemId").asString().equals(recitation)
                                    && line.path("role").asString().equals("TEAM")))
                    .hasSize(3)
                    .allSatisfy(line -> assertThat(line.path("gaps").asInt()).isZero());
            awaitInbox(coordinator, "VOLUNTEER_DECLINED");
            awaitInbox(caravan.token("volunteer-xiaomi-lead", "volunteer"), "ASSIGNMENT_CONFIRMED");
        }

        @Test
        @Order(4)
        void theDayIsRecordedAndTheHoursCertifiedAndTheVolunteerThanked() {
            Instant talkStarts =
                    Instant.parse(lineOf(staffed, bimTalk).path("startsAt").asString());
            api.post(
                    "volunteer-service",
                    "/api/assignments/" + qiaoOnBim + "/check-in",
                    coordinator,
                    Map.of("at", talkStarts.minus(Duration.ofMinutes(20)).toString()));
            api.post(
                    "volunteer-service",
                    "/api/assignments/" + qiaoOnBim + "/check-out",
                    coordinator,
                    Map.of("at", talkStarts.plus(Duration.ofMinutes(70)).toString()));
            JsonNode certified = api.post(
                    "volunteer-service", "/api/assignments/" + qiaoOnBim + "/hours/certify", coordinator, null);
            assertThat(certified.path("years").get(0).path("certifiedHours").decimalValue())
                    .isEqualByComparingTo("1.50");
            assertThat(awaitInbox(caravan.token("volunteer-qiao-yuanhui", "volunteer"), "HOURS_CERTIFIED")
                            .path("body")
                            .asString())
                    .contains("1.5");
        }

        @Test
        @Order(5)
        void theBooksAreReceivedDispatchedAndDeliveredAgainstASignedReceipt() {
            new DemoDonations(url("donation-service"), coordinator)
                    .load(api.get("event-service", "/api/visits/" + visitId, coordinator));
            String books = api.get("donation-service", "/api/pledges?visitId=" + visitId, coordinator)
                    .valueStream()
                    .filter(p -> p.path("lines").get(0).path("kind").asString().equals("BOOKS"))
                    .findFirst()
                    .orElseThrow()
                    .path("pledgeId")
                    .asString();
            List<Map<String, Integer>> all = List.of(Map.of("line", 1, "quantity", 500));
            api.post("donation-service", "/api/pledges/" + books + "/receive", coordinator, Map.of("quantities", all));
            api.post("donation-service", "/api/pledges/" + books + "/dispatch", coordinator, Map.of("quantities", all));
            api.post(
                    "donation-service",
                    "/api/pledges/" + books + "/deliver",
                    coordinator,
                    Map.of(
                            "quantities",
                            all,
                            "receivedBy",
                            Map.of("name", "School librarian", "role", "Librarian"),
                            "signatureRef",
                            "receipt-0926-001"));
            assertThat(api.get("donation-service", "/api/pledges/" + books + "/receipt", coordinator)
                            .path("deliveries")
                            .get(0)
                            .path("receivedByName")
                            .asString())
                    .isEqualTo("School librarian");
            assertThat(awaitInbox(caravan.token("liaison-huazhang", "donor_liaison"), "DONATION_DELIVERED")
                            .path("body")
                            .asString())
                    .contains("School librarian");
        }
    }

    @Test
    void aVisitMovedByTwoHoursTellsItsVolunteersMovesTheirRemindersAndAsksTheOneWhoseDayNowClashesToReconfirm() {
        LocalDate day = LocalDate.now(caravan.clock().withZone(BEIJING)).plusDays(3);
        DemoScenario scenario = new DemoScenario(url("event-service"), coordinator);
        String school = scenario.load(day);
        String afternoon = scenario.load(day);
        Map<String, String> people = new DemoPeople(url("volunteer-service"), coordinator).load();
        reschedule(afternoon, day.atTime(11, 30), "The second school asked for the afternoon");
        String afternoonTalk = itemTitled(awaitBoard(afternoon), "Model-worker talk");
        await().atMost(PATIENCE).until(() -> startOf(afternoon, afternoonTalk).equals(beijing(day, 12, 15)));
        List<JsonNode> board = awaitBoard(school);
        String qiao = "volunteer-qiao-yuanhui";
        String xu = "volunteer-xu-jiancheng";
        String qiaoAtSchool = offer(itemTitled(board, "Model-worker talk"), "speaker", people.get(qiao));
        String qiaoInTheAfternoon = offer(afternoonTalk, "speaker", people.get(qiao));
        String xuAtSchool = offer(itemTitled(board, "Talk 《工匠薪火"), "speaker", people.get(xu));
        assertThat(answer(qiaoAtSchool, "accept", qiao)).isEqualTo("CONFIRMED");
        assertThat(answer(qiaoInTheAfternoon, "accept", qiao)).isEqualTo("CONFIRMED");
        assertThat(answer(xuAtSchool, "accept", xu)).isEqualTo("CONFIRMED");
        String xuToken = caravan.token(xu, "volunteer");
        awaitReminders(xuToken, xuAtSchool, beijing(day, 10, 35));

        reschedule(school, day.atTime(11, 30), "The school assembly runs until 11:00");

        awaitReminders(xuToken, xuAtSchool, beijing(day, 12, 35));
        await().atMost(PATIENCE).until(() -> about(xuAtSchool, xuToken).stream()
                .anyMatch(e -> e.path("kind").asString().equals("PLACE_MOVED")));
        assertThat(about(xuAtSchool, xuToken))
                .filteredOn(e -> e.path("kind").asString().equals("PLACE_MOVED"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("body").asString()).contains("The school assembly runs until 11:00"));
        String qiaoToken = caravan.token(qiao, "volunteer");
        await().atMost(PATIENCE).until(() -> about(qiaoAtSchool, qiaoToken).stream()
                .anyMatch(e -> e.path("kind").asString().equals("RECONFIRMATION_REQUESTED")));
        assertThat(placeOf(qiaoToken, qiaoAtSchool)
                        .path("reconfirmationRequestedAt")
                        .isNull())
                .isFalse();
        api.post("volunteer-service", "/api/assignments/" + qiaoAtSchool + "/reconfirm", qiaoToken, null, 409);

        api.post(
                "volunteer-service",
                "/api/assignments/" + qiaoInTheAfternoon + "/withdraw",
                qiaoToken,
                Map.of("reason", "Speaking at Dandelion School at that time"));
        JsonNode reconfirmed =
                api.post("volunteer-service", "/api/assignments/" + qiaoAtSchool + "/reconfirm", qiaoToken, null);
        assertThat(reconfirmed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(placeOf(qiaoToken, qiaoAtSchool)
                        .path("reconfirmationRequestedAt")
                        .isNull())
                .isTrue();
    }

    @Test
    void aCancelledVisitEndsItsPlacesHoldsItsGiftsAndTellsThoseConcerned() {
        String visitId = new DemoScenario(url("event-service"), coordinator).load();
        new DemoPeople(url("volunteer-service"), coordinator).load();
        String chorus = itemTitled(awaitBoard(visitId), "Chorus");
        String troupe = offerTeamSlot(chorus, "北京职工艺术团");
        assertThat(answer(troupe, "accept", "volunteer-troupe-lead")).isEqualTo("CONFIRMED");
        new DemoDonations(url("donation-service"), coordinator)
                .load(api.get("event-service", "/api/visits/" + visitId, coordinator));

        api.post(
                "event-service",
                "/api/visits/" + visitId + "/cancel",
                coordinator,
                Map.of("reason", "Typhoon warning"));

        String lead = caravan.token("volunteer-troupe-lead", "volunteer");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get("volunteer-service", "/api/volunteers/me/assignments", lead)
                                .valueStream()
                                .filter(a -> a.path("id").asString().equals(troupe))
                                .findFirst()
                                .orElseThrow()
                                .path("status")
                                .asString())
                        .isEqualTo("CANCELLED_BY_VISIT"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        api.get("donation-service", "/api/pledges?visitId=" + visitId, coordinator)
                                .valueStream()
                                .map(p -> p.path("status").asString()))
                .hasSize(3)
                .containsOnly("ON_HOLD"));
        assertThat(awaitInbox(lead, "ASSIGNMENT_ENDED").path("body").asString()).contains("Typhoon warning");
        assertThat(awaitInbox(caravan.token("liaison-foundation", "donor_liaison"), "DONATION_HELD")
                        .path("body")
                        .asString())
                .contains("Typhoon warning");
    }

    @Test
    void notificationServiceStoppedWhileEventsPileUpCatchesUpWithNothingLostAndNothingTwice() {
        String visitId = new DemoScenario(url("event-service"), coordinator).load();
        Map<String, String> people = new DemoPeople(url("volunteer-service"), coordinator).load();
        String recitation = itemTitled(awaitBoard(visitId), "Recitation");
        String member = "volunteer-xiaomi-3";
        String memberToken = caravan.token(member, "volunteer");
        int before = api.get("notification-service", "/api/inbox?size=200", memberToken)
                .size();

        caravan.stop("notification-service");
        String place;
        try {
            place = offer(recitation, "reciter", people.get(member));
            assertThat(answer(place, "accept", member)).isEqualTo("CONFIRMED");
        } finally {
            caravan.start("notification-service");
        }

        await().atMost(PATIENCE).until(() -> about(place, memberToken).size() == 2);
        // A fence: the withdrawal is an event on the same key after the offer and the confirmation, so once the
        // coordinator hears of it, a repeat of either would already be in the volunteer's inbox.
        api.post(
                "volunteer-service",
                "/api/assignments/" + place + "/withdraw",
                memberToken,
                Map.of("reason", "Plans changed after the catch-up"));
        await().atMost(PATIENCE).until(() -> about(place, coordinator).stream()
                .anyMatch(e -> e.path("kind").asString().equals("VOLUNTEER_WITHDREW")));
        assertThat(about(place, memberToken))
                .extracting(e -> e.path("kind").asString())
                .containsExactlyInAnyOrder("ASSIGNMENT_OFFERED", "ASSIGNMENT_CONFIRMED");
        assertThat(api.get("notification-service", "/api/inbox?size=200", memberToken)
                        .size())
                .isEqualTo(before + 2);
    }

    /** The two-hour visit moved to start at {@code startsAt}, its programme with it. */
    private void reschedule(String visitId, LocalDateTime startsAt, String reason) {
        api.post(
                "event-service",
                "/api/visits/" + visitId + "/reschedule",
                coordinator,
                Map.of(
                        "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plusHours(2).toString(),
                        "reason", reason));
    }

    /** The volunteer's reminders of that place, 24 and 2 hours before the item's start, once both are planned. */
    private void awaitReminders(String token, String assignment, Instant itemStarts) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("notification-service", "/api/reminders", token)
                        .valueStream()
                        .filter(r -> r.path("assignmentId").asString().equals(assignment))
                        .map(r -> Instant.parse(r.path("dueAt").asString())))
                .containsExactly(itemStarts.minus(Duration.ofHours(24)), itemStarts.minus(Duration.ofHours(2))));
    }

    private JsonNode placeOf(String token, String assignment) {
        return api.get("volunteer-service", "/api/volunteers/me/assignments", token)
                .valueStream()
                .filter(a -> a.path("id").asString().equals(assignment))
                .findFirst()
                .orElseThrow();
    }

    private Instant startOf(String visitId, String itemId) {
        return Instant.parse(lineOf(
                        api.get("volunteer-service", "/api/visits/" + visitId + "/staffing", coordinator)
                                .valueStream()
                                .toList(),
                        itemId)
                .path("startsAt")
                .asString());
    }

    private static Instant beijing(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BEIJING).toInstant();
    }

    private List<JsonNode> about(String assignment, String token) {
        return api.get("notification-service", "/api/inbox?size=200", token)
                .valueStream()
                .filter(e -> e.path("subjectId").asString().equals(assignment))
                .toList();
    }

    private List<JsonNode> awaitBoard(String visitId) {
        await().atMost(PATIENCE)
                .until(() -> api.get("volunteer-service", "/api/visits/" + visitId + "/staffing", coordinator)
                                .size()
                        == 15);
        return api.get("volunteer-service", "/api/visits/" + visitId + "/staffing", coordinator)
                .valueStream()
                .toList();
    }

    private static String itemTitled(List<JsonNode> board, String title) {
        return board.stream()
                .filter(line -> line.path("title").asString().startsWith(title))
                .findFirst()
                .orElseThrow()
                .path("itemId")
                .asString();
    }

    private static JsonNode lineOf(List<JsonNode> board, String itemId) {
        return board.stream()
                .filter(line -> line.path("itemId").asString().equals(itemId))
                .findFirst()
                .orElseThrow();
    }

    private String offer(String itemId, String role, String volunteerId) {
        return api.post(
                        "volunteer-service",
                        "/api/programme-items/" + itemId + "/assignments",
                        coordinator,
                        Map.of("role", role, "volunteerId", volunteerId),
                        201)
                .path("id")
                .asString();
    }

    private String offerTeamSlot(String itemId, String teamName) {
        String team = api.get("volunteer-service", "/api/teams", coordinator)
                .valueStream()
                .filter(t -> t.path("name").asString().startsWith(teamName))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        return api.post(
                        "volunteer-service",
                        "/api/programme-items/" + itemId + "/assignments",
                        coordinator,
                        Map.of("teamId", team),
                        201)
                .path("id")
                .asString();
    }

    private String answer(String assignment, String answer, String subject) {
        return api.post(
                        "volunteer-service",
                        "/api/assignments/" + assignment + "/" + answer,
                        caravan.token(subject, "volunteer"),
                        null)
                .path("status")
                .asString();
    }

    /** The notice of that kind, once it is in the inbox of whoever the token is for. */
    private JsonNode awaitInbox(String token, String kind) {
        await().atMost(PATIENCE).until(() -> api.get("notification-service", "/api/inbox?size=200", token)
                .valueStream()
                .anyMatch(e -> e.path("kind").asString().equals(kind)));
        return api.get("notification-service", "/api/inbox?size=200", token)
                .valueStream()
                .filter(e -> e.path("kind").asString().equals(kind))
                .findFirst()
                .orElseThrow();
    }

    private MimeMessage awaitMail(String address, String subjectContains) throws Exception {
        await().atMost(PATIENCE).until(() -> mailTo(address, subjectContains).size() == 1);
        return mailTo(address, subjectContains).get(0);
    }

    private static List<MimeMessage> mailTo(String address, String subjectContains) {
        return caravan.mail().received().stream()
                .filter(m -> {
                    try {
                        return Arrays.toString(m.getAllRecipients()).contains(address)
                                && m.getSubject().contains(subjectContains);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private JsonNode postLink(String link) {
        var response = caravan.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.shared().readTree(response.body());
    }

    private static String url(String service) {
        return caravan.service(service).baseUrl();
    }
}
