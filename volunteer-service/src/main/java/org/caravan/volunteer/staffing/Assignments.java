package org.caravan.volunteer.staffing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.caravan.contracts.CaravanEvent;
import org.caravan.contracts.staffing.AssignmentSnapshot;
import org.caravan.platform.outbox.Outbox;
import org.caravan.platform.web.ProblemException;
import org.caravan.volunteer.volunteer.Volunteer;
import org.caravan.volunteer.volunteer.VolunteerRepository;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loading, locking and changing assignments, and telling the others about each change through the outbox.
 * Someone else's assignment is "not found" to a volunteer, so that ids cannot be probed.
 */
@Component
public class Assignments {

    private final DatabaseClient database;
    private final VolunteerRepository volunteers;
    private final Outbox outbox;

    Assignments(DatabaseClient database, VolunteerRepository volunteers, Outbox outbox) {
        this.database = database;
        this.volunteers = volunteers;
        this.outbox = outbox;
    }

    /** The programme item an assignment is for, with its times and where it takes place. */
    public record Slot(
            UUID visitId, UUID itemId, String title, Instant startsAt, Instant endsAt, String site, ZoneId zone) {}

    /** Who acts: their login, and whether they act as a coordinator (who may act on anyone's assignment). */
    public record Caller(String subject, boolean coordinator) {}

    /** The assignment, locked for a change by the caller: a coordinator, or the volunteer (or team lead) it is for. */
    public Mono<Assignment> lockFor(UUID assignmentId, Caller caller) {
        if (caller.coordinator()) {
            return lock(assignmentId, null);
        }
        return volunteers
                .findBySubject(caller.subject())
                .map(Volunteer::id)
                .flatMap(me -> lock(assignmentId, me))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assignment", assignmentId)));
    }

    private Mono<Assignment> lock(UUID assignmentId, UUID owner) {
        String sql = "select " + Assignment.COLUMNS + " from assignment where id = :id"
                + (owner == null ? "" : " and volunteer_id = :owner") + " for update";
        DatabaseClient.GenericExecuteSpec select = database.sql(sql).bind("id", assignmentId);
        if (owner != null) {
            select = select.bind("owner", owner);
        }
        return select.map(Assignment::from)
                .one()
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Assignment", assignmentId)));
    }

    /** Applies {@code set} (SQL assignments over named parameters) to the assignment and returns it as it now is. */
    public Mono<Assignment> change(UUID assignmentId, String set, Map<String, Object> parameters) {
        DatabaseClient.GenericExecuteSpec update = database.sql("update assignment set " + set
                        + ", version = version + 1 where id = :id returning " + Assignment.COLUMNS)
                .bind("id", assignmentId);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            update = update.bind(parameter.getKey(), parameter.getValue());
        }
        return update.map(Assignment::from).one();
    }

    public Mono<Slot> slot(UUID itemId) {
        return database.sql(
                        """
                        select p.visit_id, p.item_id, p.title, p.starts_at, p.ends_at, v.site_name, v.time_zone
                        from programme_slot p join visit_plan v on v.visit_id = p.visit_id where p.item_id = :item
                        """)
                .bind("item", itemId)
                .map(row -> new Slot(
                        row.get("visit_id", UUID.class),
                        row.get("item_id", UUID.class),
                        row.get("title", String.class),
                        row.get("starts_at", OffsetDateTime.class).toInstant(),
                        row.get("ends_at", OffsetDateTime.class).toInstant(),
                        row.get("site_name", String.class),
                        ZoneId.of(row.get("time_zone", String.class))))
                .one();
    }

    /** Appends the event about the assignment, with the item and visit it concerns, to the outbox. */
    public Mono<Assignment> publish(Assignment assignment, Function<AssignmentSnapshot, CaravanEvent> event) {
        return slot(assignment.itemId())
                .map(slot -> new AssignmentSnapshot(
                        assignment.id(),
                        slot.visitId(),
                        assignment.itemId(),
                        slot.title(),
                        slot.startsAt(),
                        slot.endsAt(),
                        slot.site(),
                        slot.zone().getId(),
                        assignment.role(),
                        assignment.volunteerId(),
                        assignment.teamId(),
                        assignment.status().name(),
                        assignment.offerExpiresAt()))
                .flatMap(snapshot -> outbox.append(event.apply(snapshot)))
                .thenReturn(assignment);
    }
}
