package org.caravan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AlertRulesTests {

    @Test
    void anExpressionNamesItsMetricsNotItsFunctionsLabelsOrDurations() {
        assertThat(AlertRules.metrics("max by (application) (caravan_dead_letters_waiting) > 0"))
                .containsExactly("caravan_dead_letters_waiting");
        assertThat(AlertRules.metrics(
                        "sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"/x\"}[5m]))"
                                + " / on (application) sum(rate(http_server_requests_seconds_count[5m])) > 0.05"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(AlertRules.metrics("jvm_memory_used_bytes / jvm_memory_max_bytes > 0.9 and up == 1"))
                .containsExactly("jvm_memory_max_bytes", "jvm_memory_used_bytes", "up");
        assertThat(AlertRules.metrics("1e3 < caravan_outbox_pending offset 5m"))
                .containsExactly("caravan_outbox_pending");
    }

    @Test
    void theRulesFileAlertsOnAWaitingDeadLetterAndAStuckOutbox() throws IOException {
        assertThat(AlertRules.alerts(AlertRules.FILE))
                .containsKeys("CaravanDeadLetterWaiting", "CaravanOutboxStuck")
                .containsEntry("CaravanDeadLetterWaiting", "max by (application) (caravan_dead_letters_waiting) > 0");
        assertThat(AlertRules.metricsOf(AlertRules.FILE))
                .contains("caravan_dead_letters_waiting", "caravan_dead_letters_oldest_age_seconds");
    }
}
