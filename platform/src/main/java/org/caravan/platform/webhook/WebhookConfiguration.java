package org.caravan.platform.webhook;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Every service judges webhook URLs the same way, with the operator's allow-list ({@code caravan.webhooks}). */
@AutoConfiguration
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookDestinations webhookDestinations(WebhookProperties properties) {
        return new WebhookDestinations(properties);
    }
}
