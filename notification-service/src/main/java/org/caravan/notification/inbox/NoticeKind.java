package org.caravan.notification.inbox;

public enum NoticeKind {
    VISIT_SCHEDULED
}
