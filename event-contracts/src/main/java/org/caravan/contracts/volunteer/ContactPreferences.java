package org.caravan.contracts.volunteer;

import java.util.List;

/**
 * How a person wants to be told: channels in order of preference (INBOX, EMAIL, WEBHOOK), hours in which
 * nothing non-urgent reaches them (local to their time zone; may span midnight), and the URL for WEBHOOK.
 */
public record ContactPreferences(List<String> channels, QuietHours quietHours, String webhookUrl) {}
