package org.caravan.volunteer.staffing;

import java.util.UUID;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The places taken of each staffing need ({@code staffing_need.confirmed}); nothing else writes the count (the
 * accept runs this class's {@link #TAKE_A_PLACE} in its own statement). A place is taken with one guarded update,
 * which PostgreSQL serialises per need: of a hundred accepts at the same instant exactly the free places succeed,
 * and the table's check constraint refuses an overfill whatever the code does.
 */
@Component
class Headcount {

    /**
     * Takes a place of the need {@code :item}/{@code :role}, and updates no row when every place is taken. The
     * accept runs it inside the statement that also moves the assignment ({@link Assignments#confirmOrWaitlist}).
     */
    static final String TAKE_A_PLACE = "update staffing_need set confirmed = confirmed + 1"
            + " where item_id = :item and role = :role and confirmed < headcount";

    private final DatabaseClient database;

    Headcount(DatabaseClient database) {
        this.database = database;
    }

    /** The role is still wanted on the item. */
    Mono<Void> requireNeed(UUID itemId, String role) {
        return database.sql("select 1 from staffing_need where item_id = :item and role = :role and removed_at is null")
                .bind("item", itemId)
                .bind("role", role)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Staffing need", itemId + "/" + role)))
                .then();
    }

    Mono<Void> giveBack(Assignment held) {
        return database.sql("update staffing_need set confirmed = confirmed - 1 where item_id = :item and role = :role")
                .bind("item", held.itemId())
                .bind("role", held.role())
                .then();
    }

    /** A cancelled visit holds nobody's place any more. */
    Mono<Void> emptyVisit(UUID visitId) {
        return database.sql("update staffing_need set confirmed = 0"
                        + " where item_id in (select item_id from programme_slot where visit_id = :visit)")
                .bind("visit", visitId)
                .then();
    }
}
