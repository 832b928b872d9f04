package org.caravan.event.visit;

import io.r2dbc.postgresql.codec.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.visit.StaffingNeed;
import org.caravan.platform.EventJson;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A slot in a visit's programme, with the people (by role and skill) and whole teams it needs. */
@Table("programme_item")
public record ProgrammeItem(
        @Id UUID id,
        UUID visitId,
        String title,
        ProgrammeItemKind kind,
        Instant startsAt,
        int durationMinutes,
        Json needs,
        int teamSlots,
        Instant createdAt) {

    public List<StaffingNeed> staffingNeeds() {
        return List.of(EventJson.read(needs.asArray(), StaffingNeed[].class));
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public ProgrammeItem movedBy(Duration shift) {
        return new ProgrammeItem(
                id, visitId, title, kind, startsAt.plus(shift), durationMinutes, needs, teamSlots, createdAt);
    }

    public static Json needsJson(List<StaffingNeed> needs) {
        return Json.of(EventJson.write(needs));
    }
}
