package org.caravan.platform.webhook;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Destinations an operator allows webhooks to reach although {@link AddressRules} refuses them: host names as
 * they appear in URLs ({@code chat.internal.example}; any address they resolve to is then allowed) and networks in
 * CIDR notation ({@code 10.20.0.0/16}, {@code 127.0.0.1/32}). Empty by default. Environment:
 * {@code CARAVAN_WEBHOOKS_ALLOWED_HOSTS}, {@code CARAVAN_WEBHOOKS_ALLOWED_NETWORKS}, comma-separated.
 */
@ConfigurationProperties("caravan.webhooks")
public record WebhookProperties(List<String> allowedHosts, List<String> allowedNetworks) {

    public WebhookProperties {
        allowedHosts = clean(allowedHosts);
        allowedNetworks = clean(allowedNetworks);
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(value -> value != null && !value.isBlank())
                        .map(String::strip)
                        .toList();
    }
}
