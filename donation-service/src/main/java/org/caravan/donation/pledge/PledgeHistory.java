package org.caravan.donation.pledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caravan.contracts.donation.ItemQuantity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every step a pledge went through, who took it and what it moved ({@code pledge_history}); only added to. */
@Component
class PledgeHistory {

    private final DatabaseClient database;

    PledgeHistory(DatabaseClient database) {
        this.database = database;
    }

    record HistoryEntry(Instant at, String actor, HistoryAction action, String detail) {}

    Mono<Void> record(UUID pledgeId, String actor, HistoryAction action, String detail) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "insert into pledge_history (pledge_id, actor, action, detail) values (:pledge, :actor, :action, :detail)")
                .bind("pledge", pledgeId)
                .bind("actor", actor)
                .bind("action", action.name());
        return (detail == null ? insert.bindNull("detail", String.class) : insert.bind("detail", detail)).then();
    }

    Mono<List<HistoryEntry>> of(UUID pledgeId) {
        return database.sql("select at, actor, action, detail from pledge_history where pledge_id = :id order by id")
                .bind("id", pledgeId)
                .map(row -> new HistoryEntry(
                        row.get("at", OffsetDateTime.class).toInstant(),
                        row.get("actor", String.class),
                        HistoryAction.valueOf(row.get("action", String.class)),
                        row.get("detail", String.class)))
                .all()
                .collectList();
    }

    /** How a step's entry says what it moved, e.g. "300 of line 1, 20 of line 2 (over-delivery: ...)". */
    static String moved(List<ItemQuantity> quantities, String overDeliveryReason) {
        String moved = quantities.stream()
                .map(q -> q.quantity() + " of line " + q.line())
                .collect(Collectors.joining(", "));
        return overDeliveryReason == null ? moved : moved + " (over-delivery: " + overDeliveryReason + ")";
    }
}
