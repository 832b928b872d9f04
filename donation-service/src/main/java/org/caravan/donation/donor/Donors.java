package org.caravan.donation.donor;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.caravan.contracts.donation.DonorLiaisonNamed;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class Donors {

    private static final String COLUMNS =
            "id, name, kind, contact_name, contact_phone, contact_email, liaison_subject, created_at";

    private final DatabaseClient database;
    private final Outbox outbox;
    private final TransactionalOperator transaction;

    Donors(DatabaseClient database, Outbox outbox, TransactionalOperator transaction) {
        this.database = database;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /**
     * Registers the donor and, when it has a liaison, publishes {@code DonorLiaisonNamed} in the same transaction
     * (identity-service invites the liaison from it). The liaison is reached at the donor's contact: donation-service
     * keeps no other name or address for them. {@code registeredBy} is the login of the coordinator or liaison.
     */
    Mono<Donor> register(String name, String kind, Donor.Contact contact, String liaisonSubject, String registeredBy) {
        return insert(name, kind, contact, liaisonSubject)
                .flatMap(donor -> donor.liaisonSubject() == null
                                || donor.liaisonSubject().isBlank()
                        ? Mono.just(donor)
                        : outbox.append(liaisonNamed(donor, registeredBy)).thenReturn(donor))
                .as(transaction::transactional)
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ProblemException.conflict(
                                "Donor exists", "A " + kind + " donor is already called " + name));
    }

    private static DonorLiaisonNamed liaisonNamed(Donor donor, String namedBy) {
        return new DonorLiaisonNamed(
                donor.id(),
                donor.name(),
                donor.liaisonSubject(),
                donor.contact().name(),
                donor.contact().email(),
                null,
                namedBy,
                donor.createdAt());
    }

    private Mono<Donor> insert(String name, String kind, Donor.Contact contact, String liaisonSubject) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "insert into donor (name, kind, contact_name, contact_phone, contact_email, liaison_subject)"
                                + " values (:name, :kind, :contactName, :contactPhone, :contactEmail, :liaison) returning "
                                + COLUMNS)
                .bind("name", name)
                .bind("kind", kind);
        insert = bindNullable(insert, "contactName", contact == null ? null : contact.name());
        insert = bindNullable(insert, "contactPhone", contact == null ? null : contact.phone());
        insert = bindNullable(insert, "contactEmail", contact == null ? null : contact.email());
        insert = bindNullable(insert, "liaison", liaisonSubject);
        return insert.map(Donors::donor).one();
    }

    /** Every donor for a coordinator; a liaison's own donors otherwise. */
    Flux<Donor> visibleTo(Caller caller) {
        return caller.coordinator()
                ? database.sql("select " + COLUMNS + " from donor order by name")
                        .map(Donors::donor)
                        .all()
                : database.sql("select " + COLUMNS + " from donor where liaison_subject = :me order by name")
                        .bind("me", caller.subject())
                        .map(Donors::donor)
                        .all();
    }

    /** The donor if the caller may see it; another liaison's donor is "not found", so ids cannot be probed. */
    public Mono<Donor> require(UUID donorId, Caller caller) {
        return database.sql("select " + COLUMNS + " from donor where id = :id")
                .bind("id", donorId)
                .map(Donors::donor)
                .one()
                .filter(donor -> caller.coordinator() || caller.subject().equals(donor.liaisonSubject()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Donor", donorId)));
    }

    private static Donor donor(io.r2dbc.spi.Readable row) {
        return new Donor(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("kind", String.class),
                new Donor.Contact(
                        row.get("contact_name", String.class),
                        row.get("contact_phone", String.class),
                        row.get("contact_email", String.class)),
                row.get("liaison_subject", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    static DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
