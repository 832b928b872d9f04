package org.caravan.identity.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.caravan.identity.IdentityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class HousekeepingIntegrationTests extends IdentityIntegrationTest {

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    JdbcClient jdbc;

    @Test
    void claimsOnConsumedEventsAreKeptThirtyDaysByTheDatabasesClock() {
        UUID old = claimedDaysAgo(31);
        UUID recent = claimedDaysAgo(29);

        housekeeping.sweep();

        assertThat(claimed(old)).isFalse();
        assertThat(claimed(recent)).isTrue();
    }

    private UUID claimedDaysAgo(int days) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values ('housekeeping-test', ?, 'org.caravan.volunteer.registered.v1', now() - make_interval(days => ?))
                        """)
                .params(id, days)
                .update();
        return id;
    }

    private boolean claimed(UUID id) {
        return jdbc.sql("select count(*) from processed_event where event_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
