package org.caravan.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own route table, as its route locator answers it: every path the four services' controllers map
 * goes to the service that maps it. No server and no provider: the provider is only asked on the first sign-in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "caravan.gateway.client.secret=route-table-tests",
            "caravan.gateway.issuer-uri=http://127.0.0.1:9",
            "caravan.gateway.routes.event.uri=http://event.test:1",
            "caravan.gateway.routes.volunteer.uri=http://volunteer.test:2",
            "caravan.gateway.routes.donation.uri=http://donation.test:3",
            "caravan.gateway.routes.notification.uri=http://notification.test:4",
            "management.server.port=-1"
        })
class RouteTableTests {

    @Autowired
    RouteLocator routes;

    /** Each service's paths (by the service name its routes choose a replica of), read from its controllers. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "event-service",
            List.of(
                    "/api/visits",
                    "/api/visits/v1",
                    "/api/visits/v1/schedule",
                    "/api/visits/v1/reschedule",
                    "/api/visits/v1/cancel",
                    "/api/visits/v1/start",
                    "/api/visits/v1/complete",
                    "/api/visits.ics",
                    "/api/visits/v1/programme-items",
                    "/api/visits/v1/programme-items/i1",
                    "/api/caravans",
                    "/api/sites",
                    "/api/sites/s1"),
            "volunteer-service",
            List.of(
                    "/api/answer-links/t1",
                    "/api/programme-items/i1/assignments",
                    "/api/programme-items/i1/suggestions",
                    "/api/assignments/a1/accept",
                    "/api/assignments/a1/decline",
                    "/api/assignments/a1/withdraw",
                    "/api/assignments/a1/reconfirm",
                    "/api/assignments/a1/check-in",
                    "/api/assignments/a1/check-out",
                    "/api/assignments/a1/no-show",
                    "/api/assignments/a1/hours/certify",
                    "/api/assignments/a1/hours/corrections",
                    "/api/volunteers",
                    "/api/volunteers/me",
                    "/api/volunteers/me/assignments",
                    "/api/volunteers/me/calendar-token",
                    "/api/volunteers/me/calendar.ics",
                    "/api/volunteers/vol1",
                    "/api/volunteers/vol1/service-hours",
                    "/api/visits/v1/staffing",
                    "/api/teams",
                    "/api/teams/t1"),
            "donation-service",
            List.of(
                    "/api/donors",
                    "/api/donors/d1",
                    "/api/donors/d1/statement",
                    "/api/acknowledgements",
                    "/api/donation-programmes",
                    "/api/pledges",
                    "/api/pledges/p1",
                    "/api/pledges/p1/receive",
                    "/api/pledges/p1/dispatch",
                    "/api/pledges/p1/deliver",
                    "/api/pledges/p1/cancel",
                    "/api/pledges/p1/move",
                    "/api/pledges/p1/receipt",
                    "/api/visits/v1/donations"),
            "notification-service",
            List.of(
                    "/api/deliveries",
                    "/api/deliveries/d1/retry",
                    "/api/reminders",
                    "/api/inbox",
                    "/api/inbox/n1/read",
                    "/api/inbox/stream"));

    @Test
    void everyMappedPathGoesToTheServiceThatMapsIt() {
        List<Route> table = routes.getRoutes().collectList().block();
        PATHS.forEach((host, paths) -> paths.forEach(path -> {
            Route route = firstMatch(table, HttpMethod.POST, path);
            assertThat(route).as(path).isNotNull();
            assertThat(route.getUri().getHost()).as(path).isEqualTo(host);
        }));
    }

    @Test
    void theInboxStreamHasNoResponseTimeoutAndOtherRoutesKeepTheDefault() {
        List<Route> table = routes.getRoutes().collectList().block();
        assertThat(firstMatch(table, HttpMethod.GET, "/api/inbox/stream").getMetadata())
                .containsEntry("response-timeout", -1);
        assertThat(firstMatch(table, HttpMethod.GET, "/api/inbox").getMetadata())
                .doesNotContainKey("response-timeout");
    }

    @Test
    void eachServicesOpenApiDocumentHasARoute() {
        List<Route> table = routes.getRoutes().collectList().block();
        assertThat(firstMatch(table, HttpMethod.GET, "/api-docs/event").getUri().getHost())
                .isEqualTo("event-service");
        assertThat(firstMatch(table, HttpMethod.GET, "/api-docs/donation")
                        .getUri()
                        .getHost())
                .isEqualTo("donation-service");
    }

    @Test
    void eachServicesDeadLettersHaveARouteOfTheirOwn() {
        List<Route> table = routes.getRoutes().collectList().block();
        for (RouteTable.Service service : RouteTable.Service.values()) {
            String prefix = "/api/operations/" + service.shortName() + "/dead-letters";
            for (String path : List.of(prefix, prefix + "/dl-1", prefix + "/dl-1/replay", prefix + "/dl-1/discard")) {
                Route route = firstMatch(table, HttpMethod.POST, path);
                assertThat(route).as(path).isNotNull();
                assertThat(route.getId()).as(path).isEqualTo(service.serviceName() + "-dead-letters");
                assertThat(route.getUri()).as(path).isEqualTo(service.routeUri());
            }
        }
        for (String path : List.of(
                "/api/dead-letters", "/api/operations/identity/dead-letters", "/api/operations/event/dead-lettersx")) {
            assertThat(firstMatch(table, HttpMethod.GET, path)).as(path).isNull();
        }
    }

    @Test
    void pathsNoServiceMapsHaveNoRoute() {
        List<Route> table = routes.getRoutes().collectList().block();
        for (String path : List.of("/api/nothing", "/api/me", "/", "/apivisits", "/api/visitsx", "/api/visits.icsx")) {
            assertThat(firstMatch(table, HttpMethod.GET, path)).as(path).isNull();
        }
    }

    private static Route firstMatch(List<Route> table, HttpMethod method, String path) {
        for (Route route : table) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
            if (Boolean.TRUE.equals(
                    Mono.from(route.getPredicate().apply(exchange)).block())) {
                return route;
            }
        }
        return null;
    }
}
