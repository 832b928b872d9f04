package org.caravan.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bearer material out of what operators and logs see: an answer link's token answers for a volunteer, and a
 * calendar token reads their places, so a log line or an operator's view keeps only where the link went.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";

    private static final Pattern ANSWER_LINK_TOKEN = Pattern.compile("(/api/answer-links/)[^/?#\\s\"]+");
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("([?&](?:token|access_token)=)[^&#\\s\"]+");

    private Redaction() {}

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = ANSWER_LINK_TOKEN.matcher(text).replaceAll("$1" + REDACTED);
        return TOKEN_PARAMETER.matcher(redacted).replaceAll("$1" + REDACTED);
    }

    public static Map<String, String> redact(Map<String, String> values) {
        Map<String, String> redacted = new LinkedHashMap<>();
        values.forEach((key, value) -> redacted.put(key, redact(value)));
        return redacted;
    }
}
