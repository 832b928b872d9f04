package org.caravan.donation.programme;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.caravan.donation.donor.Caller;
import org.caravan.donation.donor.Donors;
import org.caravan.donation.pledge.Pledges;
import org.caravan.donation.visit.VisitPlans;
import org.caravan.platform.EventJson;
import org.caravan.platform.scheduling.Sweeps;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Recurring gifts, like the reading team's books every few weeks: each programme makes its next pledge when the
 * day comes at the site, then waits another interval, until it ends. Replicas sweep side by side: a
 * programme due is taken by one of them (rows locked, others skipped).
 */
@Service
class DonationProgrammes {

    private final Clock clock;

    private final DatabaseClient database;
    private final Donors donors;
    private final VisitPlans visits;
    private final Pledges pledges;
    private final TransactionalOperator transaction;

    DonationProgrammes(
            DatabaseClient database,
            Donors donors,
            VisitPlans visits,
            Pledges pledges,
            TransactionalOperator transaction,
            Clock clock) {
        this.clock = clock;
        this.database = database;
        this.donors = donors;
        this.visits = visits;
        this.pledges = pledges;
        this.transaction = transaction;
    }

    record Programme(
            UUID id,
            UUID donorId,
            UUID siteId,
            List<Pledges.NewLine> items,
            int intervalWeeks,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate nextPledgeOn,
            String note) {}

    Mono<Programme> start(
            UUID donorId,
            UUID siteId,
            List<Pledges.NewLine> items,
            int intervalWeeks,
            LocalDate startsOn,
            LocalDate endsOn,
            String note,
            Caller caller) {
        return donors.require(donorId, caller)
                .then(visits.requireSiteZone(siteId, "siteId"))
                .map(zone -> firstPledgeOn(startsOn, intervalWeeks, endsOn, LocalDate.now(clock.withZone(zone))))
                .flatMap(first -> {
                    DatabaseClient.GenericExecuteSpec insert = database.sql(
                                    """
                                    insert into donation_programme (donor_id, site_id, items, interval_weeks, starts_on,
                                      ends_on, next_pledge_on, note, created_by)
                                    values (:donor, :site, :items, :weeks, :starts, :ends, :first, :note, :by)
                                    returning id
                                    """)
                            .bind("donor", donorId)
                            .bind("site", siteId)
                            .bind("items", Json.of(EventJson.write(items)))
                            .bind("weeks", intervalWeeks)
                            .bind("starts", startsOn)
                            .bind("first", first)
                            .bind("by", caller.subject());
                    insert = endsOn == null ? insert.bindNull("ends", LocalDate.class) : insert.bind("ends", endsOn);
                    insert = note == null ? insert.bindNull("note", String.class) : insert.bind("note", note);
                    return insert.map(row -> row.get("id", UUID.class)).one();
                })
                .flatMap(this::find)
                .as(transaction::transactional);
    }

    /** A programme entered after its start pledges from its next date on; one with no date left is refused. */
    private static LocalDate firstPledgeOn(LocalDate startsOn, int intervalWeeks, LocalDate endsOn, LocalDate today) {
        LocalDate first = ProgrammeDates.firstOnOrAfter(startsOn, intervalWeeks, today);
        if (endsOn != null && first.isAfter(endsOn)) {
            throw ProblemException.invalidField(
                    "endsOn", "has no pledge date left after today (" + today + " at the site)");
        }
        return first;
    }

    /** The programmes of the donors the caller may see, by start date. */
    reactor.core.publisher.Flux<Programme> visibleTo(Caller caller) {
        return database.sql("select p.* from donation_programme p join donor d on d.id = p.donor_id"
                        + " where :coordinator or d.liaison_subject = :me order by p.starts_on")
                .bind("coordinator", caller.coordinator())
                .bind("me", caller.subject())
                .map(DonationProgrammes::programme)
                .all();
    }

    Mono<Programme> find(UUID id) {
        return database.sql("select * from donation_programme where id = :id")
                .bind("id", id)
                .map(DonationProgrammes::programme)
                .one();
    }

    private static Programme programme(io.r2dbc.spi.Readable row) {
        return new Programme(
                row.get("id", UUID.class),
                row.get("donor_id", UUID.class),
                row.get("site_id", UUID.class),
                List.of(EventJson.read(row.get("items", Json.class).asArray(), Pledges.NewLine[].class)),
                row.get("interval_weeks", Integer.class),
                row.get("starts_on", LocalDate.class),
                row.get("ends_on", LocalDate.class),
                row.get("next_pledge_on", LocalDate.class),
                row.get("note", String.class));
    }

    @Scheduled(
            fixedDelayString = "${caravan.donations.programme-sweep-interval:60s}",
            initialDelayString = "${caravan.donations.programme-sweep-interval:60s}")
    void sweep() {
        Sweeps.run("Donation programmes", pledgeWhatIsDue());
    }

    /** Every programme whose day has come at its site makes one pledge and moves to its next date. */
    Mono<Long> pledgeWhatIsDue() {
        return database.sql(
                        """
                        select p.id from donation_programme p join known_site s on s.site_id = p.site_id
                        where p.next_pledge_on <= (:now at time zone s.time_zone)::date
                        order by p.next_pledge_on limit 50 for update of p skip locked
                        """)
                .bind("now", clock.instant())
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(this::find)
                .concatMap(this::pledgeNext)
                .count()
                .as(transaction::transactional);
    }

    /** The programme pledges as itself (the history shows "donation-programme"); after its end date, it stops. */
    private Mono<Void> pledgeNext(Programme programme) {
        return visits.requireSiteZone(programme.siteId(), "siteId")
                .flatMap(zone -> pledgeNext(programme, LocalDate.now(clock.withZone(zone))));
    }

    private Mono<Void> pledgeNext(Programme programme, LocalDate today) {
        LocalDate following = ProgrammeDates.following(programme.nextPledgeOn(), programme.intervalWeeks(), today);
        boolean last = programme.endsOn() != null && following.isAfter(programme.endsOn());
        String note = (programme.note() == null ? "Donation programme" : programme.note()) + ", for "
                + programme.nextPledgeOn();
        DatabaseClient.GenericExecuteSpec advance = database.sql(
                        "update donation_programme set next_pledge_on = :next where id = :id")
                .bind("id", programme.id());
        advance = last ? advance.bindNull("next", LocalDate.class) : advance.bind("next", following);
        return pledges.pledge(
                        programme.donorId(),
                        null,
                        programme.siteId(),
                        programme.items(),
                        note,
                        new Caller("donation-programme", true),
                        programme.id())
                .then(advance.then());
    }
}
