package org.caravan.gateway.routing;

import java.net.URI;
import java.util.List;
import org.caravan.gateway.GatewayProperties;

/**
 * Which service answers which {@code /api/...} path, read from the services' controllers. Entries are tried in
 * order: the paths under {@code /api/visits/{id}} that belong to volunteer-service (staffing) and donation-service
 * (donations) come before event-service's {@code /api/visits/**}.
 */
public final class RouteTable {

    private RouteTable() {}

    /** The four services and where their base URL is configured. */
    public enum Service {
        EVENT("event-service"),
        VOLUNTEER("volunteer-service"),
        DONATION("donation-service"),
        NOTIFICATION("notification-service");

        private final String serviceName;

        Service(String serviceName) {
            this.serviceName = serviceName;
        }

        public String serviceName() {
            return serviceName;
        }

        /** The short name used in {@code /api-docs/{name}} and in {@code caravan.gateway.routes.{name}.uri}. */
        public String shortName() {
            return serviceName.substring(0, serviceName.indexOf('-'));
        }

        /** The service by its name, as Spring Cloud LoadBalancer knows it. */
        public static Service named(String serviceName) {
            for (Service service : values()) {
                if (service.serviceName.equals(serviceName)) {
                    return service;
                }
            }
            throw new IllegalArgumentException("No service " + serviceName);
        }

        /** Where the routes send requests: one of the service's replicas, chosen in turn ({@code lb://}). */
        public URI routeUri() {
            return URI.create("lb://" + serviceName);
        }

        public URI uri(GatewayProperties.Routes routes) {
            GatewayProperties.Service service = settings(routes);
            if (service == null || service.uri() == null) {
                throw new IllegalStateException("No URI for " + serviceName + ": set caravan.gateway.routes."
                        + shortName() + ".uri (CARAVAN_GATEWAY_ROUTES_" + name() + "_URI)");
            }
            return service.uri();
        }

        /** The port of each replica's readiness endpoint, if it is checked. */
        public Integer readinessPort(GatewayProperties.Routes routes) {
            GatewayProperties.Service service = settings(routes);
            return service == null ? null : service.readinessPort();
        }

        private GatewayProperties.Service settings(GatewayProperties.Routes routes) {
            return switch (this) {
                case EVENT -> routes.event();
                case VOLUNTEER -> routes.volunteer();
                case DONATION -> routes.donation();
                case NOTIFICATION -> routes.notification();
            };
        }
    }

    /**
     * One route: the service and the path patterns it answers; a streaming route has no response timeout (it lasts
     * as long as the client listens).
     */
    public record Entry(String id, Service service, List<String> paths, boolean streaming) {}

    public static final List<Entry> ENTRIES = List.of(
            new Entry("notification-service-inbox-stream", Service.NOTIFICATION, List.of("/api/inbox/stream"), true),
            new Entry(
                    "volunteer-service",
                    Service.VOLUNTEER,
                    List.of(
                            "/api/visits/*/staffing",
                            "/api/volunteers",
                            "/api/volunteers/**",
                            "/api/teams",
                            "/api/teams/**",
                            "/api/programme-items/**",
                            "/api/assignments/**",
                            "/api/answer-links/**"),
                    false),
            new Entry(
                    "donation-service",
                    Service.DONATION,
                    List.of(
                            "/api/visits/*/donations",
                            "/api/donors",
                            "/api/donors/**",
                            "/api/pledges",
                            "/api/pledges/**",
                            "/api/acknowledgements",
                            "/api/acknowledgements/**",
                            "/api/donation-programmes",
                            "/api/donation-programmes/**"),
                    false),
            new Entry(
                    "notification-service",
                    Service.NOTIFICATION,
                    List.of(
                            "/api/inbox",
                            "/api/inbox/**",
                            "/api/deliveries",
                            "/api/deliveries/**",
                            "/api/reminders",
                            "/api/reminders/**"),
                    false),
            new Entry(
                    "event-service",
                    Service.EVENT,
                    List.of(
                            "/api/sites",
                            "/api/sites/**",
                            "/api/caravans",
                            "/api/caravans/**",
                            "/api/visits",
                            "/api/visits.ics",
                            "/api/visits/**"),
                    false));

    /** Paths that work without a session: the link's or the feed's token is the credential. */
    public static final List<String> TOKEN_AUTHENTICATED_PATHS =
            List.of("/api/answer-links/**", "/api/volunteers/me/calendar.ics");

    /**
     * Every service answers the same operator-only {@code /api/dead-letters/**}, so the gateway cannot route that path
     * by itself: it serves each service's under {@code /api/operations/{short name}/dead-letters/**} and rewrites the
     * path to the service's own. An unknown service name matches no route (404).
     */
    public static String deadLettersPath(Service service) {
        return "/api/operations/" + service.shortName() + "/dead-letters";
    }

    /** The path a service maps its dead-letter API at. */
    public static final String SERVICE_DEAD_LETTERS_PATH = "/api/dead-letters";

    /** Each service's OpenAPI document, at {@code /api-docs/{short name}}. */
    public static String apiDocsPath(Service service) {
        return "/api-docs/" + service.shortName();
    }
}
