package org.caravan.event.site;

import java.util.UUID;

/** A site as the API shows it, with its location and contact person nested. */
public record SiteView(
        UUID id,
        String name,
        SiteKind kind,
        String district,
        String address,
        String timeZone,
        SiteRequest.Location location,
        SiteRequest.Contact contact,
        long version) {

    public static SiteView of(Site site) {
        return new SiteView(
                site.id(),
                site.name(),
                site.kind(),
                site.district(),
                site.address(),
                site.timeZone(),
                site.lat() == null ? null : new SiteRequest.Location(site.lat(), site.lon()),
                new SiteRequest.Contact(site.contactName(), site.contactPhone(), site.contactEmail()),
                site.version());
    }
}
