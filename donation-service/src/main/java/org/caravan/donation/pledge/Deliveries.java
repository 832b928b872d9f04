package org.caravan.donation.pledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.Receipt;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What sites signed for ({@code delivery}, {@code delivery_line}): each hand-over, who received it and what. */
@Component
class Deliveries {

    private final DatabaseClient database;

    Deliveries(DatabaseClient database) {
        this.database = database;
    }

    /** Keeps a hand-over as the site signed for it; {@code signatureRef} may be null. */
    Mono<Receipt> record(
            UUID pledgeId,
            Instant at,
            String receivedByName,
            String receivedByRole,
            String signatureRef,
            String recordedBy,
            List<ItemQuantity> quantities) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into delivery (pledge_id, delivered_at, received_by_name, received_by_role, signature_ref,
                          recorded_by)
                        values (:pledge, :at, :name, :role, :signature, :by) returning id
                        """)
                .bind("pledge", pledgeId)
                .bind("at", at)
                .bind("name", receivedByName)
                .bind("role", receivedByRole)
                .bind("by", recordedBy);
        insert = signatureRef == null
                ? insert.bindNull("signature", String.class)
                : insert.bind("signature", signatureRef);
        return insert.map(row -> row.get("id", UUID.class)).one().flatMap(deliveryId -> Flux.fromIterable(quantities)
                .concatMap(
                        q -> database.sql("insert into delivery_line (delivery_id, line, quantity) values (:d, :l, :q)")
                                .bind("d", deliveryId)
                                .bind("l", q.line())
                                .bind("q", q.quantity())
                                .then())
                .then(Mono.just(
                        new Receipt(deliveryId, at, receivedByName, receivedByRole, signatureRef, quantities))));
    }

    /** The pledge's hand-overs, oldest first. */
    Mono<List<Receipt>> of(UUID pledgeId) {
        return database.sql(
                        """
                        select d.id, d.delivered_at, d.received_by_name, d.received_by_role, d.signature_ref,
                          array_agg(l.line order by l.line) as lines, array_agg(l.quantity order by l.line) as quantities
                        from delivery d join delivery_line l on l.delivery_id = d.id where d.pledge_id = :id
                        group by d.id order by d.delivered_at
                        """)
                .bind("id", pledgeId)
                .map(row -> {
                    Integer[] lines = row.get("lines", Integer[].class);
                    Long[] quantities = row.get("quantities", Long[].class);
                    List<ItemQuantity> moved = new ArrayList<>();
                    for (int i = 0; i < lines.length; i++) {
                        moved.add(new ItemQuantity(lines[i], quantities[i]));
                    }
                    return new Receipt(
                            row.get("id", UUID.class),
                            row.get("delivered_at", OffsetDateTime.class).toInstant(),
                            row.get("received_by_name", String.class),
                            row.get("received_by_role", String.class),
                            row.get("signature_ref", String.class),
                            List.copyOf(moved));
                })
                .all()
                .collectList();
    }
}
