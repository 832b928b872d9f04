package org.caravan.notification.notice;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.caravan.contracts.donation.DonationDelivered;
import org.caravan.contracts.donation.DonationEvent;
import org.caravan.contracts.donation.DonationHeld;
import org.caravan.contracts.donation.DonationPledged;
import org.caravan.contracts.donation.PledgeSnapshot;
import org.caravan.notification.message.NoticeKind;
import org.caravan.notification.recipient.Recipients;
import org.caravan.platform.messaging.IncomingEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A donor's liaison hears that the pledge was received, delivered (with who signed), or put on hold. */
@Component
class DonationNotices {

    private final Notices notices;

    DonationNotices(Notices notices) {
        this.notices = notices;
    }

    Mono<Void> pledged(IncomingEvent<DonationPledged> event) {
        return toLiaison(
                event, NoticeKind.DONATION_PLEDGED, params(event.payload().pledge()));
    }

    Mono<Void> delivered(IncomingEvent<DonationDelivered> event) {
        Map<String, String> params = params(event.payload().pledge());
        params.put("deliveredAt", event.payload().receipt().deliveredAt().toString());
        params.put(
                "receivedBy",
                event.payload().receipt().receivedByName() + " ("
                        + event.payload().receipt().receivedByRole() + ")");
        return toLiaison(event, NoticeKind.DONATION_DELIVERED, params);
    }

    Mono<Void> held(IncomingEvent<DonationHeld> event) {
        Map<String, String> params = params(event.payload().pledge());
        params.put("reason", event.payload().reason());
        return toLiaison(event, NoticeKind.DONATION_HELD, params);
    }

    private Mono<Void> toLiaison(
            IncomingEvent<? extends DonationEvent> event, NoticeKind kind, Map<String, String> params) {
        PledgeSnapshot pledge = event.payload().pledge();
        if (pledge.liaisonSubject() == null) {
            return Mono.empty();
        }
        return notices.queue(
                event.id(),
                new Notice(
                        Recipients.subjectKey(pledge.liaisonSubject()),
                        kind,
                        pledge.pledgeId().toString(),
                        params));
    }

    private static Map<String, String> params(PledgeSnapshot pledge) {
        Map<String, String> params = new HashMap<>();
        params.put("donor", pledge.donorName());
        params.put("site", pledge.siteName());
        params.put(
                "items",
                pledge.lines().stream()
                        .map(line -> line.quantity() + " " + line.unit() + " " + line.description())
                        .collect(Collectors.joining("; ")));
        return params;
    }
}
