package org.caravan.donation.pledge;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.donation.DonationCancelled;
import org.caravan.contracts.donation.DonationDelivered;
import org.caravan.contracts.donation.DonationDispatched;
import org.caravan.contracts.donation.DonationMoved;
import org.caravan.contracts.donation.DonationPledged;
import org.caravan.contracts.donation.DonationReceived;
import org.caravan.contracts.donation.ItemQuantity;
import org.caravan.contracts.donation.PledgeLine;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.contracts.donation.Receipt;
import org.caravan.donation.donor.Caller;
import org.caravan.donation.donor.Donors;
import org.caravan.donation.visit.VisitPlans;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A pledge from promise to hand-over. Quantities only move forward, and never past the step before: delivered
 * ≤ dispatched ≤ received ≤ pledged per line (receiving more than pledged needs a stated reason). A step that
 * would break this is refused as a whole, with every offending line named, and nothing changes.
 */
@Service
public class Pledges {

    private final Clock clock;

    static final Set<String> CLOSED = Set.of("DELIVERED", "CANCELLED");

    private final DatabaseClient database;
    private final PledgeRecords records;
    private final Donors donors;
    private final VisitPlans visits;
    private final Outbox outbox;

    Pledges(
            DatabaseClient database,
            PledgeRecords records,
            Donors donors,
            VisitPlans visits,
            Outbox outbox,
            Clock clock) {
        this.clock = clock;
        this.database = database;
        this.records = records;
        this.donors = donors;
        this.visits = visits;
        this.outbox = outbox;
    }

    /** One line of a new pledge; {@code valueMinor} and {@code currency} are the whole line's estimated value. */
    public record NewLine(
            String kind, String description, long quantity, String unit, Long valueMinor, String currency) {}

    @Transactional
    public Mono<PledgeSnapshot> pledge(
            UUID donorId,
            UUID visitId,
            UUID siteId,
            List<NewLine> lines,
            String note,
            Caller caller,
            UUID programmeId) {
        Instant now = now();
        return donors.require(donorId, caller)
                .then(placeOf(visitId, siteId))
                .flatMap(site -> insertPledge(donorId, visitId, site, note, programmeId))
                .flatMap(pledgeId -> Flux.range(0, lines.size())
                        .concatMap(i -> insertLine(pledgeId, i + 1, lines.get(i)))
                        .then(history(pledgeId, caller.subject(), "PLEDGED", note))
                        .then(records.snapshot(pledgeId)))
                .flatMap(pledge -> publish(pledge, p -> new DonationPledged(p, note, caller.subject(), now)));
    }

    @Transactional
    public Mono<PledgeSnapshot> receive(
            UUID pledgeId, List<ItemQuantity> quantities, String overDeliveryReason, Caller caller) {
        Instant now = now();
        return records.lockFor(pledgeId, caller)
                .flatMap(pledge -> advance(pledge, Step.RECEIVE, quantities, overDeliveryReason))
                .flatMap(pledge -> history(
                                pledgeId, caller.subject(), "RECEIVED", describe(quantities, overDeliveryReason))
                        .thenReturn(pledge))
                .flatMap(pledge -> publish(
                        pledge, p -> new DonationReceived(p, quantities, overDeliveryReason, caller.subject(), now)));
    }

    @Transactional
    public Mono<PledgeSnapshot> dispatch(UUID pledgeId, List<ItemQuantity> quantities, Caller caller) {
        Instant now = now();
        return records.lockFor(pledgeId, caller)
                .flatMap(pledge -> advance(pledge, Step.DISPATCH, quantities, null))
                .flatMap(pledge -> history(pledgeId, caller.subject(), "DISPATCHED", describe(quantities, null))
                        .thenReturn(pledge))
                .flatMap(pledge -> publish(pledge, p -> new DonationDispatched(p, quantities, caller.subject(), now)));
    }

    /** Handed over at the site: the quantities move and the site's signature is kept as a receipt. */
    @Transactional
    public Mono<PledgeSnapshot> deliver(
            UUID pledgeId,
            List<ItemQuantity> quantities,
            String receivedByName,
            String receivedByRole,
            String signatureRef,
            Caller caller) {
        Instant now = now();
        return records.lockFor(pledgeId, caller)
                .flatMap(pledge -> advance(pledge, Step.DELIVER, quantities, null))
                .flatMap(pledge -> insertDelivery(pledgeId, now, receivedByName, receivedByRole, signatureRef, caller)
                        .flatMap(deliveryId -> Flux.fromIterable(quantities)
                                .concatMap(q -> database.sql(
                                                "insert into delivery_line (delivery_id, line, quantity) values (:d, :l, :q)")
                                        .bind("d", deliveryId)
                                        .bind("l", q.line())
                                        .bind("q", q.quantity())
                                        .then())
                                .then(history(
                                        pledgeId,
                                        caller.subject(),
                                        "DELIVERED",
                                        describe(quantities, null) + "; received by " + receivedByName + " ("
                                                + receivedByRole + ")"))
                                .thenReturn(new Receipt(
                                        deliveryId, now, receivedByName, receivedByRole, signatureRef, quantities)))
                        .flatMap(receipt -> publish(pledge, p -> new DonationDelivered(p, receipt, caller.subject()))));
    }

    @Transactional
    public Mono<PledgeSnapshot> cancel(UUID pledgeId, String reason, Caller caller) {
        Instant now = now();
        return records.lockFor(pledgeId, caller)
                .flatMap(pledge -> {
                    requireOpen(pledge);
                    return setStatus(pledgeId, "CANCELLED");
                })
                .then(history(pledgeId, caller.subject(), "CANCELLED", reason))
                .then(records.snapshot(pledgeId))
                .flatMap(pledge -> publish(pledge, p -> new DonationCancelled(p, reason, caller.subject(), now)));
    }

    /** Attaches the pledge to another published visit, e.g. after its own was cancelled; it leaves ON_HOLD. */
    @Transactional
    public Mono<PledgeSnapshot> move(UUID pledgeId, UUID visitId, Caller caller) {
        Instant now = now();
        return records.lockFor(pledgeId, caller).flatMap(pledge -> {
            requireOpen(pledge);
            if (visitId.equals(pledge.visitId())) {
                throw ProblemException.conflict("Already there", "The pledge is already for visit " + visitId);
            }
            return openVisit(visitId)
                    .flatMap(visit -> database.sql(
                                    "update pledge set visit_id = :visit, site_id = :site, status = :status,"
                                            + " version = version + 1 where id = :id")
                            .bind("visit", visitId)
                            .bind("site", visit.siteId())
                            .bind("status", statusOf(pledge.lines()))
                            .bind("id", pledgeId)
                            .then())
                    .then(history(
                            pledgeId, caller.subject(), "MOVED", "from visit " + pledge.visitId() + " to " + visitId))
                    .then(records.snapshot(pledgeId))
                    .flatMap(moved ->
                            publish(moved, p -> new DonationMoved(p, pledge.visitId(), caller.subject(), now)));
        });
    }

    /** The furthest step every line has reached; a pledge is DELIVERED once every line is. */
    static String statusOf(List<PledgeLine> lines) {
        if (lines.stream().allMatch(l -> l.delivered() >= l.quantity())) {
            return "DELIVERED";
        }
        if (lines.stream().anyMatch(l -> l.delivered() > 0)) {
            return "PARTIALLY_DELIVERED";
        }
        if (lines.stream().anyMatch(l -> l.dispatched() > 0)) {
            return "DISPATCHED";
        }
        return lines.stream().anyMatch(l -> l.received() > 0) ? "RECEIVED" : "PLEDGED";
    }

    private Mono<PledgeSnapshot> advance(
            PledgeSnapshot pledge, Step step, List<ItemQuantity> quantities, String overDeliveryReason) {
        requireOpen(pledge);
        if (step != Step.RECEIVE && "ON_HOLD".equals(pledge.status())) {
            throw ProblemException.conflict(
                    "Pledge is ON_HOLD", "Its visit was cancelled; move it to another visit before dispatching");
        }
        Map<Integer, PledgeLine> lines =
                pledge.lines().stream().collect(Collectors.toMap(PledgeLine::line, Function.identity()));
        List<String> violations = violations(step, lines, quantities, overDeliveryReason);
        if (!violations.isEmpty()) {
            throw ProblemException.conflict("Quantities out of order", String.join("; ", violations))
                    .with("violations", violations);
        }
        return Flux.fromIterable(quantities)
                .concatMap(q -> database.sql("update pledge_line set " + step.column + " = " + step.column
                                + " + :quantity"
                                + (overDeliveryReason == null ? "" : ", over_delivery_reason = :reason")
                                + " where pledge_id = :pledge and line = :line")
                        .bind("quantity", q.quantity())
                        .bind("pledge", pledge.pledgeId())
                        .bind("line", q.line())
                        .bindValues(overDeliveryReason == null ? Map.of() : Map.of("reason", overDeliveryReason))
                        .then())
                .then(records.snapshot(pledge.pledgeId()))
                .flatMap(moved -> "ON_HOLD".equals(moved.status())
                        ? Mono.just(moved)
                        : setStatus(moved.pledgeId(), statusOf(moved.lines()))
                                .then(records.snapshot(moved.pledgeId())));
    }

    private static List<String> violations(
            Step step, Map<Integer, PledgeLine> lines, List<ItemQuantity> quantities, String overDeliveryReason) {
        List<String> violations = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (ItemQuantity q : quantities) {
            PledgeLine line = lines.get(q.line());
            if (line == null) {
                violations.add("the pledge has no line " + q.line());
            } else if (!seen.add(q.line())) {
                violations.add("line " + q.line() + " is named twice");
            } else {
                long after = current(line, step) + q.quantity();
                long bound = bound(line, step);
                boolean overDelivery = step == Step.RECEIVE && overDeliveryReason != null;
                if (after > bound && !overDelivery) {
                    violations.add("line " + q.line() + " (" + line.description() + "): " + step.column + " would be "
                            + after + ", more than the " + bound + " " + step.boundName
                            + (step == Step.RECEIVE ? " (give overDeliveryReason for an over-delivery)" : ""));
                }
            }
        }
        return violations;
    }

    private static long current(PledgeLine line, Step step) {
        return switch (step) {
            case RECEIVE -> line.received();
            case DISPATCH -> line.dispatched();
            case DELIVER -> line.delivered();
        };
    }

    private static long bound(PledgeLine line, Step step) {
        return switch (step) {
            case RECEIVE -> line.quantity();
            case DISPATCH -> line.received();
            case DELIVER -> line.dispatched();
        };
    }

    private static void requireOpen(PledgeSnapshot pledge) {
        if (CLOSED.contains(pledge.status())) {
            throw ProblemException.conflict(
                    "Pledge is " + pledge.status(),
                    "A " + pledge.status().toLowerCase() + " pledge does not change any more");
        }
    }

    private Mono<UUID> placeOf(UUID visitId, UUID siteId) {
        if (visitId != null) {
            if (siteId != null) {
                throw ProblemException.invalidField("siteId", "give a visitId or a siteId, not both");
            }
            return openVisit(visitId).map(VisitPlans.PlannedVisit::siteId);
        }
        if (siteId == null) {
            throw ProblemException.invalidField("visitId", "a pledge is for a visit, or for a site (siteId)");
        }
        return visits.requireSite(siteId, "siteId");
    }

    private Mono<VisitPlans.PlannedVisit> openVisit(UUID visitId) {
        return visits.require(visitId, "visitId").map(visit -> {
            if (!visit.open()) {
                throw ProblemException.conflict(
                        "Visit is " + visit.status(),
                        "Donations go to a scheduled visit, not a "
                                + visit.status().toLowerCase() + " one");
            }
            return visit;
        });
    }

    private Mono<UUID> insertPledge(UUID donorId, UUID visitId, UUID siteId, String note, UUID programmeId) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "insert into pledge (donor_id, visit_id, site_id, status, note, programme_id)"
                                + " values (:donor, :visit, :site, 'PLEDGED', :note, :programme) returning id")
                .bind("donor", donorId)
                .bind("site", siteId);
        insert = visitId == null ? insert.bindNull("visit", UUID.class) : insert.bind("visit", visitId);
        insert = note == null ? insert.bindNull("note", String.class) : insert.bind("note", note);
        insert = programmeId == null ? insert.bindNull("programme", UUID.class) : insert.bind("programme", programmeId);
        return insert.map(row -> row.get("id", UUID.class)).one();
    }

    private Mono<Void> insertLine(UUID pledgeId, int number, NewLine line) {
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

    private Mono<UUID> insertDelivery(
            UUID pledgeId, Instant at, String name, String role, String signatureRef, Caller caller) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into delivery (pledge_id, delivered_at, received_by_name, received_by_role, signature_ref,
                          recorded_by)
                        values (:pledge, :at, :name, :role, :signature, :by) returning id
                        """)
                .bind("pledge", pledgeId)
                .bind("at", at)
                .bind("name", name)
                .bind("role", role)
                .bind("by", caller.subject());
        insert = signatureRef == null
                ? insert.bindNull("signature", String.class)
                : insert.bind("signature", signatureRef);
        return insert.map(row -> row.get("id", UUID.class)).one();
    }

    Mono<Void> setStatus(UUID pledgeId, String status) {
        return database.sql("update pledge set status = :status, version = version + 1 where id = :id")
                .bind("status", status)
                .bind("id", pledgeId)
                .then();
    }

    Mono<Void> history(UUID pledgeId, String actor, String action, String detail) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "insert into pledge_history (pledge_id, actor, action, detail) values (:pledge, :actor, :action, :detail)")
                .bind("pledge", pledgeId)
                .bind("actor", actor)
                .bind("action", action);
        return (detail == null ? insert.bindNull("detail", String.class) : insert.bind("detail", detail)).then();
    }

    Mono<PledgeSnapshot> publish(PledgeSnapshot pledge, Function<PledgeSnapshot, CaravanEvent> event) {
        return outbox.append(event.apply(pledge)).thenReturn(pledge);
    }

    private static String describe(List<ItemQuantity> quantities, String overDeliveryReason) {
        String moved = quantities.stream()
                .map(q -> q.quantity() + " of line " + q.line())
                .collect(Collectors.joining(", "));
        return overDeliveryReason == null ? moved : moved + " (over-delivery: " + overDeliveryReason + ")";
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
