package org.caravan.donation.pledge;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.caravan.donation.donor.Caller;
import org.caravan.donation.donor.Donors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What a donor gave in a year: everything handed over (by the date at the site), per site, with the share of
 * each line's estimated value that was delivered, summed per currency in minor units.
 */
@RestController
@Validated
@PreAuthorize("hasAnyRole('coordinator', 'donor_liaison')")
class DonorStatement {

    /** The year of a statement asked for without one: the caravans' year, in Beijing. */
    private static final java.time.ZoneId CARAVANS_HOME = java.time.ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    private final DatabaseClient database;
    private final Donors donors;

    DonorStatement(DatabaseClient database, Donors donors, Clock clock) {
        this.clock = clock;
        this.database = database;
        this.donors = donors;
    }

    record Given(String kind, String description, long quantity, String unit, Long valueMinor, String currency) {}

    record SiteGifts(UUID siteId, String siteName, List<Given> items, Map<String, Long> valueByCurrency) {}

    record Statement(
            UUID donorId, String donorName, int year, List<SiteGifts> sites, Map<String, Long> valueByCurrency) {}

    @GetMapping("/api/donors/{id}/statement")
    Mono<Statement> statement(
            @PathVariable UUID id,
            @RequestParam(required = false)
                    @jakarta.validation.constraints.Min(2000)
                    @jakarta.validation.constraints.Max(2100)
                    Integer year,
            @AuthenticationPrincipal Jwt token) {
        int which = year == null ? Year.now(clock.withZone(CARAVANS_HOME)).getValue() : year;
        return donors.require(id, Caller.of(token)).flatMap(donor -> database.sql(
                        """
                        select s.site_id, s.name as site_name, l.kind, l.description, l.unit, l.currency,
                          sum(dl.quantity) as quantity,
                          sum(round(l.value_minor::numeric * dl.quantity / l.quantity))::bigint as value_minor
                        from delivery d join delivery_line dl on dl.delivery_id = d.id
                        join pledge p on p.id = d.pledge_id
                        join pledge_line l on l.pledge_id = p.id and l.line = dl.line
                        join known_site s on s.site_id = p.site_id
                        where p.donor_id = :donor and extract(year from d.delivered_at at time zone s.time_zone) = :year
                        group by s.site_id, s.name, l.kind, l.description, l.unit, l.currency
                        order by s.name, l.kind, l.description
                        """)
                .bind("donor", id)
                .bind("year", which)
                .map(row -> Map.entry(
                        new Object[] {row.get("site_id", UUID.class), row.get("site_name", String.class)},
                        new Given(
                                row.get("kind", String.class),
                                row.get("description", String.class),
                                row.get("quantity", Long.class),
                                row.get("unit", String.class),
                                row.get("value_minor", Long.class),
                                row.get("currency", String.class))))
                .all()
                .collectList()
                .map(rows -> {
                    Map<UUID, SiteGifts> sites = new LinkedHashMap<>();
                    for (Map.Entry<Object[], Given> row : rows) {
                        UUID siteId = (UUID) row.getKey()[0];
                        SiteGifts site = sites.computeIfAbsent(
                                siteId,
                                key -> new SiteGifts(
                                        key, (String) row.getKey()[1], new ArrayList<>(), new TreeMap<>()));
                        site.items().add(row.getValue());
                        addValue(site.valueByCurrency(), row.getValue());
                    }
                    Map<String, Long> total = new TreeMap<>();
                    rows.forEach(row -> addValue(total, row.getValue()));
                    return new Statement(donor.id(), donor.name(), which, List.copyOf(sites.values()), total);
                }));
    }

    private static void addValue(Map<String, Long> byCurrency, Given given) {
        if (given.valueMinor() != null) {
            byCurrency.merge(given.currency(), given.valueMinor(), Math::addExact);
        }
    }
}
