package org.caravan.volunteer.team;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caravan.platform.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class Teams {

    private static final String SELECT =
            """
            select t.id, t.name, t.lead_volunteer_id, t.skills, t.created_at,
              array(select m.volunteer_id from team_member m where m.team_id = t.id order by m.volunteer_id) as members
            from team t
            """;

    private final DatabaseClient database;

    Teams(DatabaseClient database) {
        this.database = database;
    }

    /** Forms the team; the lead is always a member, and every member must be a registered volunteer. */
    @Transactional
    public Mono<Team> form(String name, UUID lead, List<UUID> memberIds, List<String> skills) {
        Set<UUID> members = new LinkedHashSet<>(List.of(lead));
        members.addAll(memberIds);
        return unknownVolunteers(members)
                .flatMap(unknown -> unknown.isEmpty()
                        ? Mono.empty()
                        : Mono.error(
                                unknown.contains(lead)
                                        ? ProblemException.invalidField("leadVolunteerId", "no volunteer " + lead)
                                        : ProblemException.invalidField("memberIds", "no volunteers " + unknown)))
                .then(database.sql("insert into team (name, lead_volunteer_id, skills) values (:name, :lead, :skills)"
                                + " returning id")
                        .bind("name", name)
                        .bind("lead", lead)
                        .bind("skills", skills.toArray(String[]::new))
                        .map(row -> row.get("id", UUID.class))
                        .one())
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> ProblemException.conflict("Team name taken", "A team is already called " + name))
                .flatMap(id -> Flux.fromIterable(members)
                        .concatMap(member -> database.sql(
                                        "insert into team_member (team_id, volunteer_id) values (:team, :member)")
                                .bind("team", id)
                                .bind("member", member)
                                .then())
                        .then(find(id)));
    }

    public Flux<Team> all() {
        return database.sql(SELECT + " order by t.name").map(Teams::team).all();
    }

    public Mono<Team> find(UUID teamId) {
        return database.sql(SELECT + " where t.id = :id")
                .bind("id", teamId)
                .map(Teams::team)
                .one();
    }

    private static Team team(io.r2dbc.spi.Readable row) {
        return new Team(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("lead_volunteer_id", UUID.class),
                Arrays.asList(row.get("members", UUID[].class)),
                Arrays.asList(row.get("skills", String[].class)),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    public Mono<Team> require(UUID teamId) {
        return find(teamId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Team", teamId)));
    }

    private Mono<List<UUID>> unknownVolunteers(Set<UUID> ids) {
        return database.sql("select id from unnest(:ids::uuid[]) as id where id not in (select id from volunteer)")
                .bind("ids", ids.toArray(UUID[]::new))
                .map(row -> row.get("id", UUID.class))
                .all()
                .collectList();
    }
}
