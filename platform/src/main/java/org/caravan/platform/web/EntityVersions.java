package org.caravan.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency over HTTP: a representation's version is its ETag, and a write that names an older
 * version in If-Match is refused with 412 so that nobody overwrites a change they have not seen.
 */
public final class EntityVersions {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d+)\"$");

    private EntityVersions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Checks If-Match against the current version; a missing header is 428 when the write requires one. */
    public static void check(String ifMatch, long currentVersion, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(
                        HttpStatus.PRECONDITION_REQUIRED,
                        "If-Match required",
                        "Send the ETag you last read in If-Match, so that no one else's change is overwritten");
            }
            return;
        }
        if (ifMatch.trim().equals("*")) {
            return;
        }
        Matcher matcher = ETAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST, "Invalid If-Match", "If-Match must be an ETag such as \"3\"");
        }
        long expected = Long.parseLong(matcher.group(1));
        if (expected != currentVersion) {
            throw ProblemException.preconditionFailed(expected, currentVersion);
        }
    }
}
