package org.caravan.notification.notice;

import java.util.Map;
import org.caravan.notification.message.NoticeKind;

/**
 * One thing to tell one recipient (a directory key), caused by one event: the kind of message, what it is about
 * ({@code subjectId}, e.g. an assignment), and the values its template fills in, rendered in the recipient's
 * language when it is sent.
 */
public record Notice(String recipient, NoticeKind kind, String subjectId, Map<String, String> params) {}
