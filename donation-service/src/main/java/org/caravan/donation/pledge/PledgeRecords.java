package org.caravan.donation.pledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.Money;
import org.caravan.contracts.donation.PledgeLine;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.contracts.donation.Receipt;
import org.caravan.donation.donor.Caller;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads pledges as events and the API show them; a pledge of another liaison's donor is "not found". */
@Component
public class PledgeRecords {

    private final DatabaseClient database;

    PledgeRecords(DatabaseClient database) {
        this.database = database;
    }

    public record HistoryEntry(Instant at, String actor, String action, String detail) {}

    /** The pledge with its lines, every step it went through, and what the site signed for. */
    public record PledgeView(
            PledgeSnapshot pledge,
            String note,
            Instant createdAt,
            List<HistoryEntry> history,
            List<Receipt> deliveries) {}

    /** Locks the pledge for a change by the caller and returns it as it stands. */
    Mono<PledgeSnapshot> lockFor(UUID pledgeId, Caller caller) {
        return database.sql("select p.id from pledge p join donor d on d.id = p.donor_id where p.id = :id"
                        + " and (:coordinator or d.liaison_subject = :me) for update of p")
                .bind("id", pledgeId)
                .bind("coordinator", caller.coordinator())
                .bind("me", caller.subject())
                .map(row -> row.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Pledge", pledgeId)))
                .flatMap(this::snapshot);
    }

    Mono<PledgeView> view(UUID pledgeId, Caller caller) {
        return database.sql(
                        "select p.note, p.created_at from pledge p join donor d on d.id = p.donor_id where p.id = :id"
                                + " and (:coordinator or d.liaison_subject = :me)")
                .bind("id", pledgeId)
                .bind("coordinator", caller.coordinator())
                .bind("me", caller.subject())
                .map(row -> new Object[] {row.get("note", String.class), row.get("created_at", OffsetDateTime.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Pledge", pledgeId)))
                .flatMap(head -> Mono.zip(snapshot(pledgeId), history(pledgeId), deliveries(pledgeId))
                        .map(parts -> new PledgeView(
                                parts.getT1(),
                                (String) head[0],
                                ((OffsetDateTime) head[1]).toInstant(),
                                parts.getT2(),
                                parts.getT3())));
    }

    /** Pledges the caller may see, newest first, narrowed by donor, visit or status when given. */
    Flux<PledgeSnapshot> list(Caller caller, UUID donorId, UUID visitId, String status, int limit) {
        DatabaseClient.GenericExecuteSpec select = database.sql(
                        """
                        select p.id from pledge p join donor d on d.id = p.donor_id
                        where (:coordinator or d.liaison_subject = :me)
                          and (cast(:donor as uuid) is null or p.donor_id = :donor)
                          and (cast(:visit as uuid) is null or p.visit_id = :visit)
                          and (cast(:status as text) is null or p.status = :status)
                        order by p.created_at desc limit :limit
                        """)
                .bind("coordinator", caller.coordinator())
                .bind("me", caller.subject())
                .bind("limit", limit);
        select = donorId == null ? select.bindNull("donor", UUID.class) : select.bind("donor", donorId);
        select = visitId == null ? select.bindNull("visit", UUID.class) : select.bind("visit", visitId);
        select = status == null ? select.bindNull("status", String.class) : select.bind("status", status);
        return select.map(row -> row.get("id", UUID.class)).all().concatMap(this::snapshot);
    }

    public Mono<PledgeSnapshot> snapshot(UUID pledgeId) {
        return database.sql(
                        """
                        select p.id, p.donor_id, d.name as donor_name, d.liaison_subject, p.visit_id, p.site_id,
                          s.name as site_name, p.status
                        from pledge p join donor d on d.id = p.donor_id join known_site s on s.site_id = p.site_id
                        where p.id = :id
                        """)
                .bind("id", pledgeId)
                .map(row -> new PledgeSnapshot(
                        row.get("id", UUID.class),
                        row.get("donor_id", UUID.class),
                        row.get("donor_name", String.class),
                        row.get("liaison_subject", String.class),
                        row.get("visit_id", UUID.class),
                        row.get("site_id", UUID.class),
                        row.get("site_name", String.class),
                        row.get("status", String.class),
                        List.of()))
                .one()
                .zipWith(
                        lines(pledgeId),
                        (pledge, lines) -> new PledgeSnapshot(
                                pledge.pledgeId(),
                                pledge.donorId(),
                                pledge.donorName(),
                                pledge.liaisonSubject(),
                                pledge.visitId(),
                                pledge.siteId(),
                                pledge.siteName(),
                                pledge.status(),
                                lines));
    }

    private Mono<List<PledgeLine>> lines(UUID pledgeId) {
        return database.sql(
                        """
                        select line, kind, description, quantity, unit, value_minor, currency, received, dispatched, delivered
                        from pledge_line where pledge_id = :id order by line
                        """)
                .bind("id", pledgeId)
                .map(row -> {
                    Long value = row.get("value_minor", Long.class);
                    return new PledgeLine(
                            row.get("line", Integer.class),
                            row.get("kind", String.class),
                            row.get("description", String.class),
                            row.get("quantity", Long.class),
                            row.get("unit", String.class),
                            value == null ? null : new Money(value, row.get("currency", String.class)),
                            row.get("received", Long.class),
                            row.get("dispatched", Long.class),
                            row.get("delivered", Long.class));
                })
                .all()
                .collectList();
    }

    private Mono<List<HistoryEntry>> history(UUID pledgeId) {
        return database.sql("select at, actor, action, detail from pledge_history where pledge_id = :id order by id")
                .bind("id", pledgeId)
                .map(row -> new HistoryEntry(
                        row.get("at", OffsetDateTime.class).toInstant(),
                        row.get("actor", String.class),
                        row.get("action", String.class),
                        row.get("detail", String.class)))
                .all()
                .collectList();
    }

    Mono<List<Receipt>> deliveries(UUID pledgeId) {
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
                    List<ItemQuantity> moved = new java.util.ArrayList<>();
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
