package org.caravan.donation.pledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caravan.contracts.donation.PledgeLine;
import org.caravan.donation.donor.Caller;
import org.caravan.platform.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the site signed for: donor, site, visit, and each hand-over with its items, who signed and when. */
@Component
class Receipts {

    private final DatabaseClient database;
    private final PledgeRecords records;

    Receipts(DatabaseClient database, PledgeRecords records) {
        this.database = database;
        this.records = records;
    }

    record ReceiptItem(int line, String kind, String description, long quantity, String unit) {}

    record HandOver(
            UUID deliveryId,
            Instant deliveredAt,
            String receivedByName,
            String receivedByRole,
            String signatureRef,
            List<ReceiptItem> items) {}

    record DeliveryReceipt(
            UUID pledgeId,
            UUID donorId,
            String donorName,
            UUID siteId,
            String siteName,
            UUID visitId,
            String visitTheme,
            Instant visitStartsAt,
            List<HandOver> deliveries) {}

    Mono<DeliveryReceipt> of(UUID pledgeId, Caller caller) {
        return records.view(pledgeId, caller).flatMap(view -> {
            if (view.deliveries().isEmpty()) {
                throw ProblemException.notFound("Receipt", "for pledge " + pledgeId + ": nothing delivered yet");
            }
            Map<Integer, PledgeLine> lines =
                    view.pledge().lines().stream().collect(Collectors.toMap(PledgeLine::line, Function.identity()));
            List<HandOver> deliveries = view.deliveries().stream()
                    .map(receipt -> new HandOver(
                            receipt.deliveryId(),
                            receipt.deliveredAt(),
                            receipt.receivedByName(),
                            receipt.receivedByRole(),
                            receipt.signatureRef(),
                            receipt.quantities().stream()
                                    .map(q -> {
                                        PledgeLine line = lines.get(q.line());
                                        return new ReceiptItem(
                                                q.line(), line.kind(), line.description(), q.quantity(), line.unit());
                                    })
                                    .toList()))
                    .toList();
            return visit(view.pledge().visitId())
                    .map(visit -> new DeliveryReceipt(
                            pledgeId,
                            view.pledge().donorId(),
                            view.pledge().donorName(),
                            view.pledge().siteId(),
                            view.pledge().siteName(),
                            view.pledge().visitId(),
                            visit.theme(),
                            visit.startsAt(),
                            deliveries));
        });
    }

    private record VisitLine(String theme, Instant startsAt) {}

    private Mono<VisitLine> visit(UUID visitId) {
        if (visitId == null) {
            return Mono.just(new VisitLine(null, null));
        }
        return database.sql("select theme, starts_at from visit_plan where visit_id = :id")
                .bind("id", visitId)
                .map(row -> new VisitLine(
                        row.get("theme", String.class),
                        row.get("starts_at", OffsetDateTime.class).toInstant()))
                .one()
                .defaultIfEmpty(new VisitLine(null, null));
    }
}
