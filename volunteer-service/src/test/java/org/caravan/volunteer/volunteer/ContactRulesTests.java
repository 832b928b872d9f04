package org.caravan.volunteer.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.contracts.volunteer.QuietHours;
import org.caravan.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class ContactRulesTests {

    private static final String QIAO_EMAIL = "qiao.lin@example.org";
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void channelsAreNamedInAnyCaseAndKeptOnceEach() {
        ContactPreferences kept = ContactRules.validated(
                new ContactPreferences(List.of("email", " INBOX ", "Email"), NIGHT, null), QIAO_EMAIL);

        assertThat(kept.channels()).containsExactly("EMAIL", "INBOX");
        assertThat(kept.quietHours()).isEqualTo(NIGHT);
    }

    @Test
    void noPreferencesMeanTheInboxOnly() {
        assertThat(ContactRules.validated(null, null).channels()).containsExactly("INBOX");
    }

    @Test
    void anUnknownChannelIsRefusedNamingTheChannels() {
        assertThat(refusedField(new ContactPreferences(List.of("PIGEON"), null, null), QIAO_EMAIL))
                .isEqualTo("contactPreferences.channels");
    }

    @Test
    void emailWithoutAnAddressIsRefused() {
        assertThat(refusedField(new ContactPreferences(List.of("EMAIL"), null, null), null))
                .isEqualTo("contactPreferences.channels");
    }

    @Test
    void aWebhookUrlLongerThanTwoThousandCharactersIsRefusedEvenWithoutTheWebhookChannel() {
        String longUrl = "https://hooks.example.org/" + "a".repeat(ContactRules.LONGEST_URL);

        assertThat(refusedField(new ContactPreferences(List.of("INBOX"), null, longUrl), QIAO_EMAIL))
                .isEqualTo("contactPreferences.webhookUrl");
    }

    @Test
    void quietHoursNeedTwoDifferentTimes() {
        QuietHours none = new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0));

        assertThat(refusedField(new ContactPreferences(List.of("INBOX"), none, null), QIAO_EMAIL))
                .isEqualTo("contactPreferences.quietHours");
    }

    @SuppressWarnings("unchecked")
    private static String refusedField(ContactPreferences preferences, String email) {
        ProblemException refused =
                catchThrowableOfType(ProblemException.class, () -> ContactRules.validated(preferences, email));
        assertThat(refused).as("refused").isNotNull();
        List<Map<String, Object>> errors =
                (List<Map<String, Object>>) refused.getBody().getProperties().get("errors");
        return (String) errors.get(0).get("field");
    }
}
