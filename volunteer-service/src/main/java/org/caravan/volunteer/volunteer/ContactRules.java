package org.caravan.volunteer.volunteer;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.contracts.volunteer.QuietHours;
import org.caravan.platform.web.ProblemException;

/**
 * What makes contact preferences usable by notification-service: known channels, each with what it needs
 * (an e-mail address, a webhook URL), and quiet hours that are a real span.
 */
final class ContactRules {

    static final Set<String> CHANNELS = Set.of("INBOX", "EMAIL", "WEBHOOK");
    static final int LONGEST_URL = 2_000;
    static final ContactPreferences INBOX_ONLY = new ContactPreferences(List.of("INBOX"), null, null);

    private ContactRules() {}

    static ContactPreferences validated(ContactPreferences preferences, String email) {
        if (preferences == null) {
            return INBOX_ONLY;
        }
        if (preferences.webhookUrl() != null && preferences.webhookUrl().length() > LONGEST_URL) {
            throw ProblemException.invalidField(
                    "contactPreferences.webhookUrl", "is longer than " + LONGEST_URL + " characters");
        }
        List<String> channels = channels(preferences.channels());
        if (channels.contains("EMAIL") && (email == null || email.isBlank())) {
            throw ProblemException.invalidField("contactPreferences.channels", "EMAIL needs an email address");
        }
        if (channels.contains("WEBHOOK")) {
            requireWebUrl(preferences.webhookUrl());
        }
        QuietHours quiet = preferences.quietHours();
        if (quiet != null
                && (quiet.from() == null || quiet.to() == null || quiet.from().equals(quiet.to()))) {
            throw ProblemException.invalidField(
                    "contactPreferences.quietHours", "needs a from and a different to (from after to spans midnight)");
        }
        return new ContactPreferences(channels, quiet, preferences.webhookUrl());
    }

    private static List<String> channels(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return INBOX_ONLY.channels();
        }
        Set<String> channels = new LinkedHashSet<>();
        for (String channel : requested) {
            String name = channel == null ? "" : channel.strip().toUpperCase(Locale.ROOT);
            if (!CHANNELS.contains(name)) {
                throw ProblemException.invalidField(
                        "contactPreferences.channels", "unknown channel '" + channel + "'; use INBOX, EMAIL, WEBHOOK");
            }
            channels.add(name);
        }
        return List.copyOf(channels);
    }

    private static void requireWebUrl(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below with the same message as a missing URL
        }
        throw ProblemException.invalidField("contactPreferences.webhookUrl", "WEBHOOK needs an http(s) URL");
    }
}
