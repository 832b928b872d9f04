package org.caravan.donation.donor;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.caravan.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class Donors {

    private static final String COLUMNS =
            "id, name, kind, contact_name, contact_phone, contact_email, liaison_subject, created_at";

    private final DatabaseClient database;

    Donors(DatabaseClient database) {
        this.database = database;
    }

    Mono<Donor> register(String name, String kind, Donor.Contact contact, String liaisonSubject) {
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
        return insert.map(Donors::donor)
                .one()
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ProblemException.conflict(
                                "Donor exists", "A " + kind + " donor is already called " + name));
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
