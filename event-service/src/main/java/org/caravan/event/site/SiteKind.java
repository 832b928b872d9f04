package org.caravan.event.site;

public enum SiteKind {
    SCHOOL,
    ENTERPRISE,
    COMMUNITY,
    OTHER
}
