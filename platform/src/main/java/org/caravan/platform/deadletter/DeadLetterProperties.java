package org.caravan.platform.deadletter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code caravan.dead-letters.group}: the consumer group that captures this service's dead letters (its replicas
 * share it); {@code caravan.dead-letters.measure-interval}: how often the waiting ones are counted for the gauges.
 */
@ConfigurationProperties("caravan.dead-letters")
record DeadLetterProperties(String group, Duration measureInterval) {}
