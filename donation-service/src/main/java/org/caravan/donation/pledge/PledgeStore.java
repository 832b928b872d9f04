package org.caravan.donation.pledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.Money;
import org.caravan.contracts.donation.PledgeLine;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.donation.donor.Caller;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code pledge} and {@code pledge_line} tables; nothing else writes them. Each change is a named step that
 * refuses (409) what {@link PledgeRules} and {@link PledgeStatus} do not allow, and answers the pledge as it then
 * stands. A pledge of another liaison's donor is "not found".
 */
@Component
class PledgeStore {

    private final DatabaseClient database;

    PledgeStore(DatabaseClient database) {
        this.database = database;
    }

    /** What the pledge's row keeps beside its snapshot. */
    record Head(String note, Instant createdAt) {}

    Mono<PledgeSnapshot> create(
            UUID donorId, UUID visitId, UUID siteId, String note, UUID programmeId, List<Pledges.NewLine> lines) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "insert into pledge (donor_id, visit_id, site_id, status, note, programme_id)"
                                + " values (:donor, :visit, :site, :status, :note, :programme) returning id")
                .bind("donor", donorId)
                .bind("site", siteId)
                .bind("status", PledgeStatus.PLEDGED.name());
        insert = visitId == null ? insert.bindNull("visit", UUID.class) : insert.bind("visit", visitId);
        insert = note == null ? insert.bindNull("note", String.class) : insert.bind("note", note);
        insert = programmeId == null ? insert.bindNull("programme", UUID.class) : insert.bind("programme", programmeId);
        return insert.map(row -> row.get("id", UUID.class)).one().flatMap(pledgeId -> Flux.range(0, lines.size())
                .concatMap(i -> insertLine(pledgeId, i + 1, lines.get(i)))
                .then(snapshot(pledgeId)));
    }

    /** Items arrived into storage; more than pledged only with a reason, which the line keeps. */
    Mono<PledgeSnapshot> receive(PledgeSnapshot pledge, List<ItemQuantity> quantities, String overDeliveryReason) {
        return advance(pledge, Step.RECEIVE, quantities, overDeliveryReason);
    }

    /** Items were loaded for the visit. */
    Mono<PledgeSnapshot> dispatch(PledgeSnapshot pledge, List<ItemQuantity> quantities) {
        return advance(pledge, Step.DISPATCH, quantities, null);
    }

    /** Handed over at the site; what the site signed for is {@link Deliveries}'. */
    Mono<PledgeSnapshot> deliver(PledgeSnapshot pledge, List<ItemQuantity> quantities) {
        return advance(pledge, Step.DELIVER, quantities, null);
    }

    private Mono<PledgeSnapshot> advance(
            PledgeSnapshot pledge, Step step, List<ItemQuantity> quantities, String overDeliveryReason) {
        PledgeStatus next = PledgeRules.afterStep(pledge, step, quantities, overDeliveryReason);
        String update =
                switch (step) {
                    case RECEIVE -> overDeliveryReason == null
                            ? "update pledge_line set received = received + :quantity"
                            : "update pledge_line set received = received + :quantity, over_delivery_reason = :reason";
                    case DISPATCH -> "update pledge_line set dispatched = dispatched + :quantity";
                    case DELIVER -> "update pledge_line set delivered = delivered + :quantity";
                };
        return Flux.fromIterable(quantities)
                .concatMap(q -> {
                    DatabaseClient.GenericExecuteSpec add = database.sql(
                                    update + " where pledge_id = :pledge and line = :line")
                            .bind("quantity", q.quantity())
                            .bind("pledge", pledge.pledgeId())
                            .bind("line", q.line());
                    return (overDeliveryReason == null ? add : add.bind("reason", overDeliveryReason)).then();
                })
                .then(stepped(pledge, next));
    }

    Mono<PledgeSnapshot> cancel(PledgeSnapshot pledge) {
        return become(pledge.pledgeId(), PledgeStatus.of(pledge), PledgeStatus.CANCELLED)
                .then(snapshot(pledge.pledgeId()));
    }

    /** Every open pledge for the visit goes ON_HOLD; answers those it held. */
    Flux<PledgeSnapshot> holdAllFor(UUID visitId) {
        return database.sql("update pledge set status = :held, version = version + 1 where visit_id = :visit"
                        + " and status = any(:holdable) returning id")
                .bind("held", PledgeStatus.ON_HOLD.name())
                .bind("visit", visitId)
                .bind(
                        "holdable",
                        PledgeStatus.holdable().stream().map(Enum::name).toArray(String[]::new))
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(this::snapshot);
    }

    /** Attaches the pledge to another visit at its site; it leaves ON_HOLD for the status its lines imply. */
    Mono<PledgeSnapshot> moveTo(PledgeSnapshot pledge, UUID visitId, UUID siteId) {
        PledgeStatus next = PledgeRules.afterMove(pledge, visitId);
        PledgeStatus.of(pledge).requireMayBecome(next);
        return database.sql("update pledge set visit_id = :visit, site_id = :site, status = :status,"
                        + " version = version + 1 where id = :id")
                .bind("visit", visitId)
                .bind("site", siteId)
                .bind("status", next.name())
                .bind("id", pledge.pledgeId())
                .then()
                .then(snapshot(pledge.pledgeId()));
    }

    /** A held pledge keeps its status while it takes items into storage; any other takes what its lines imply. */
    private Mono<PledgeSnapshot> stepped(PledgeSnapshot before, PledgeStatus next) {
        PledgeStatus status = PledgeStatus.of(before);
        return (status == PledgeStatus.ON_HOLD ? Mono.<Void>empty() : become(before.pledgeId(), status, next))
                .then(snapshot(before.pledgeId()));
    }

    private Mono<Void> become(UUID pledgeId, PledgeStatus from, PledgeStatus to) {
        from.requireMayBecome(to);
        return database.sql("update pledge set status = :status, version = version + 1 where id = :id")
                .bind("status", to.name())
                .bind("id", pledgeId)
                .then();
    }

    /** Locks the pledge for a change by the caller and returns it as it stands. */
    Mono<PledgeSnapshot> lockFor(UUID pledgeId, Caller caller) {
        return seenBy(
                        caller,
                        "select p.id from pledge p join donor d on d.id = p.donor_id where p.id = :id"
                                + " and (:coordinator or d.liaison_subject = :me) for update of p")
                .bind("id", pledgeId)
                .map(row -> row.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Pledge", pledgeId)))
                .flatMap(this::snapshot);
    }

    Mono<Head> head(UUID pledgeId, Caller caller) {
        return seenBy(
                        caller,
                        "select p.note, p.created_at from pledge p join donor d on d.id = p.donor_id where p.id = :id"
                                + " and (:coordinator or d.liaison_subject = :me)")
                .bind("id", pledgeId)
                .map(row -> new Head(
                        row.get("note", String.class),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Pledge", pledgeId)));
    }

    /** Pledges the caller may see, newest first, narrowed by donor, visit or status when given. */
    Flux<PledgeSnapshot> list(Caller caller, UUID donorId, UUID visitId, String status, int limit) {
        DatabaseClient.GenericExecuteSpec select = seenBy(
                        caller,
                        """
                        select p.id from pledge p join donor d on d.id = p.donor_id
                        where (:coordinator or d.liaison_subject = :me)
                          and (cast(:donor as uuid) is null or p.donor_id = :donor)
                          and (cast(:visit as uuid) is null or p.visit_id = :visit)
                          and (cast(:status as text) is null or p.status = :status)
                        order by p.created_at desc limit :limit
                        """)
                .bind("limit", limit);
        select = donorId == null ? select.bindNull("donor", UUID.class) : select.bind("donor", donorId);
        select = visitId == null ? select.bindNull("visit", UUID.class) : select.bind("visit", visitId);
        select = status == null ? select.bindNull("status", String.class) : select.bind("status", status);
        return select.map(row -> row.get("id", UUID.class)).all().concatMap(this::snapshot);
    }

    /** The visit's pledges the caller may see, oldest first. */
    Flux<PledgeSnapshot> forVisit(UUID visitId, Caller caller) {
        return seenBy(
                        caller,
                        "select p.id from pledge p join donor d on d.id = p.donor_id"
                                + " where p.visit_id = :visit and (:coordinator or d.liaison_subject = :me)"
                                + " order by p.created_at")
                .bind("visit", visitId)
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(this::snapshot);
    }

    /** A query of pledges the caller may see: a coordinator all, a liaison their own donors'. */
    private DatabaseClient.GenericExecuteSpec seenBy(Caller caller, String sql) {
        return database.sql(sql).bind("coordinator", caller.coordinator()).bind("me", caller.subject());
    }

    Mono<PledgeSnapshot> snapshot(UUID pledgeId) {
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

    private Mono<Void> insertLine(UUID pledgeId, int number, Pledges.NewLine line) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into pledge_line (pledge_id, line, kind, description, quantity, unit, value_minor, currency)
                        values (:pledge, :line, :kind, :description, :quantity, :unit, :value, :currency)
                        """)
                .bind("pledge", pledgeId)
                .bind("line", number)
                .bind("kind", line.kind())
                .bind("description", line.description())
                .bind("quantity", line.quantity())
                .bind("unit", line.unit());
        insert = line.valueMinor() == null
                ? insert.bindNull("value", Long.class).bindNull("currency", String.class)
                : insert.bind("value", line.valueMinor()).bind("currency", line.currency());
        return insert.then();
    }
}
