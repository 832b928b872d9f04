package org.caravan.notification.notice;

/** A committed transaction queued notices: the dispatcher sends them now rather than at its next pass. */
public enum NoticeQueued {
    INSTANCE
}
