package org.caravan.gateway.web;

import org.caravan.gateway.GatewayProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    @ConditionalOnProperty(name = "caravan.gateway.rate-limits.enabled", matchIfMissing = true)
    RateLimitFilter rateLimitFilter(GatewayProperties properties) {
        return new RateLimitFilter(properties.rateLimits());
    }

    /**
     * A client has {@code header-timeout} to send a connection's first request headers, then {@code read-timeout}
     * between the parts of its body and {@code request-timeout} for all of it: a slow client cannot hold a
     * connection open. Answers, streams among them, are not limited by these.
     */
    @Bean
    NettyServerCustomizer clientTimeouts(GatewayProperties properties) {
        return server -> server.readTimeout(properties.readTimeout())
                .requestTimeout(properties.requestTimeout())
                .doOnChannelInit((observer, channel, remote) ->
                        channel.pipeline().addFirst(HeaderTimeout.NAME, new HeaderTimeout(properties.headerTimeout())));
    }
}
