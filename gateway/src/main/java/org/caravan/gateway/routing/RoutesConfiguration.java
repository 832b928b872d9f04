package org.caravan.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.caravan.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * The routes of {@link RouteTable}: each relays the signed-in person's access token (refreshed when it expires;
 * a request without a session, such as one that brings its own {@code Authorization: Bearer}, goes on unchanged),
 * never forwards the gateway's cookies, and refuses bodies above the size limit. Each goes to one of the service's
 * ready replicas in turn ({@link ReplicaChoice}); a request is sent again, to the next replica, when it never
 * reached one (the connection was refused or timed out), and a read also when the replica closed the connection
 * before answering.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ReplicaChoice.class)
class RoutesConfiguration {

    private static final int RETRIES = 2;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    @Bean
    UpstreamFailures upstreamFailures() {
        return new UpstreamFailures();
    }

    @Bean
    ReplicaAddresses replicaAddresses() {
        return ReplicaAddresses.system();
    }

    /** One probe for every service's replicas, shared with the operators' health page. */
    @Bean
    ReadinessProbe readinessProbe(GatewayProperties properties) {
        return new ReadinessProbe(properties.replicas().checkTimeout());
    }

    @Bean
    ServiceReplicas serviceReplicas(GatewayProperties properties, ReplicaAddresses addresses) {
        return new ServiceReplicas(properties.routes(), addresses);
    }

    @Bean
    RouteLocator caravanRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        int order = 0;
        for (RouteTable.Entry entry : RouteTable.ENTRIES) {
            int position = order++;
            routes.route(entry.id(), route -> {
                var spec = route.order(position)
                        .path(entry.paths().toArray(String[]::new))
                        .filters(filters -> towardsAService(filters, properties, !entry.streaming()));
                if (entry.streaming()) {
                    spec = spec.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1);
                }
                return spec.uri(entry.service().routeUri());
            });
        }
        for (RouteTable.Service service : RouteTable.Service.values()) {
            int position = order++;
            String prefix = RouteTable.deadLettersPath(service);
            routes.route(service.serviceName() + "-dead-letters", route -> route.order(position)
                    .path(prefix, prefix + "/**")
                    .filters(filters -> towardsAService(filters, properties, true)
                            .rewritePath(
                                    "^" + Pattern.quote(prefix) + "(?<rest>/.*)?$",
                                    RouteTable.SERVICE_DEAD_LETTERS_PATH + "${rest}"))
                    .uri(service.routeUri()));
        }
        for (RouteTable.Service service : RouteTable.Service.values()) {
            int position = order++;
            routes.route(service.serviceName() + "-api-docs", route -> route.order(position)
                    .path(RouteTable.apiDocsPath(service))
                    .filters(filters -> filters.removeRequestHeader(HttpHeaders.COOKIE)
                            .removeRequestHeader(HttpHeaders.AUTHORIZATION)
                            .setPath("/v3/api-docs")
                            .retry(RoutesConfiguration::whenItNeverReachedAReplica)
                            .retry(RoutesConfiguration::whenAReadFailed))
                    .uri(service.routeUri()));
        }
        return routes.build();
    }

    private static GatewayFilterSpec towardsAService(
            GatewayFilterSpec filters, GatewayProperties properties, boolean readsMayBeRetried) {
        GatewayFilterSpec spec = filters.setRequestSize(properties.maxRequestSize())
                .removeRequestHeader(HttpHeaders.COOKIE)
                .tokenRelay()
                .retry(RoutesConfiguration::whenItNeverReachedAReplica);
        // A stream that broke is not read again: the client reconnects with its Last-Event-ID.
        return readsMayBeRetried ? spec.retry(RoutesConfiguration::whenAReadFailed) : spec;
    }

    /** Any method: the request was never sent, so sending it to another replica cannot apply it twice. */
    private static void whenItNeverReachedAReplica(RetryGatewayFilterFactory.RetryConfig retry) {
        retry.setRetries(RETRIES)
                .setMethods(HttpMethod.values())
                .setSeries()
                .setStatuses()
                .setExceptions(ConnectException.class)
                .setBackoff(FIRST_PAUSE, LONGEST_PAUSE, 2, false);
    }

    /**
     * Reads only: the replica closed or reset the connection before it answered. A write is not sent again (that
     * replica may have applied it): it is answered 502 ({@link UpstreamFailures}) for the client to check.
     */
    private static void whenAReadFailed(RetryGatewayFilterFactory.RetryConfig retry) {
        retry.setRetries(RETRIES)
                .setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
                .setSeries()
                .setStatuses()
                .setExceptions(IOException.class)
                .setBackoff(FIRST_PAUSE, LONGEST_PAUSE, 2, false);
    }
}
