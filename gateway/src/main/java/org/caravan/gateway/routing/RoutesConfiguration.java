package org.caravan.gateway.routing;

import org.caravan.gateway.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The routes of {@link RouteTable}: each relays the signed-in person's access token (refreshed when it expires;
 * a request without a session, such as one that brings its own {@code Authorization: Bearer}, goes on unchanged),
 * never forwards the gateway's cookies, and refuses bodies above the size limit.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    UpstreamFailures upstreamFailures() {
        return new UpstreamFailures();
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
                        .filters(filters -> towardsAService(filters, properties));
                if (entry.streaming()) {
                    spec = spec.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1);
                }
                return spec.uri(entry.service().uri(properties.routes()));
            });
        }
        for (RouteTable.Service service : RouteTable.Service.values()) {
            int position = order++;
            routes.route(service.serviceName() + "-api-docs", route -> route.order(position)
                    .path(RouteTable.apiDocsPath(service))
                    .filters(filters -> filters.removeRequestHeader(HttpHeaders.COOKIE)
                            .removeRequestHeader(HttpHeaders.AUTHORIZATION)
                            .setPath("/v3/api-docs"))
                    .uri(service.uri(properties.routes())));
        }
        return routes.build();
    }

    private static GatewayFilterSpec towardsAService(GatewayFilterSpec filters, GatewayProperties properties) {
        return filters.setRequestSize(properties.maxRequestSize())
                .removeRequestHeader(HttpHeaders.COOKIE)
                .tokenRelay();
    }
}
