package org.caravan.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How often the relay looks for pending events, how many it publishes at once, how long sent ones stay. */
@ConfigurationProperties("caravan.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, Duration retention) {}
