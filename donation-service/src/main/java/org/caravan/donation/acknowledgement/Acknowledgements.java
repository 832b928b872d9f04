package org.caravan.donation.acknowledgement;

import java.time.Instant;
import java.util.UUID;
import org.caravan.contracts.donation.AcknowledgementRecorded;
import org.caravan.platform.outbox.Outbox;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The gifts given in return at visits ({@code acknowledgement}); nothing else writes the table. */
@Component
class Acknowledgements {

    private final DatabaseClient database;
    private final Outbox outbox;

    Acknowledgements(DatabaseClient database, Outbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    /**
     * Records a gift in return to a donor or to a team (one of the two is null) and tells it, in the caller's
     * transaction.
     */
    Mono<AcknowledgementRecorded> record(
            UUID visitId, UUID donorId, String teamName, String description, String recordedBy, Instant at) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        """
                        insert into acknowledgement (visit_id, donor_id, team_name, description, recorded_by, recorded_at)
                        values (:visit, :donor, :team, :description, :by, :at) returning id
                        """)
                .bind("visit", visitId)
                .bind("description", description)
                .bind("by", recordedBy)
                .bind("at", at);
        insert = donorId == null ? insert.bindNull("donor", UUID.class) : insert.bind("donor", donorId);
        insert = teamName == null ? insert.bindNull("team", String.class) : insert.bind("team", teamName);
        return insert.map(row -> row.get("id", UUID.class))
                .one()
                .map(id -> new AcknowledgementRecorded(id, visitId, donorId, teamName, description, recordedBy, at))
                .flatMap(recorded -> outbox.append(recorded).thenReturn(recorded));
    }
}
