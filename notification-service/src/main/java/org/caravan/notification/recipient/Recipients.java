package org.caravan.notification.recipient;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.contracts.volunteer.QuietHours;
import org.caravan.contracts.volunteer.VolunteerContactChanged;
import org.caravan.contracts.volunteer.VolunteerRegistered;
import org.caravan.platform.messaging.IncomingEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The directory of people to tell, kept from volunteer-service's events; never its database. */
@Component
public class Recipients {

    private final DatabaseClient database;

    Recipients(DatabaseClient database) {
        this.database = database;
    }

    public static String volunteerKey(UUID volunteerId) {
        return "volunteer:" + volunteerId;
    }

    public static String subjectKey(String subject) {
        return "subject:" + subject;
    }

    public Mono<Void> registered(IncomingEvent<VolunteerRegistered> event) {
        VolunteerRegistered v = event.payload();
        return upsert(
                v.volunteerId(), v.subject(), v.name(), v.email(), v.locale(), v.timeZone(), v.contactPreferences());
    }

    public Mono<Void> contactChanged(IncomingEvent<VolunteerContactChanged> event) {
        VolunteerContactChanged v = event.payload();
        return upsert(
                v.volunteerId(), v.subject(), v.name(), v.email(), v.locale(), v.timeZone(), v.contactPreferences());
    }

    private Mono<Void> upsert(
            UUID volunteerId,
            String subject,
            String name,
            String email,
            String locale,
            String timeZone,
            ContactPreferences preferences) {
        List<String> channels = preferences == null || preferences.channels() == null
                ? List.of(Recipient.INBOX)
                : preferences.channels();
        QuietHours quiet = preferences == null ? null : preferences.quietHours();
        DatabaseClient.GenericExecuteSpec upsert = database.sql(
                        """
                        insert into recipient (key, subject, name, email, locale, time_zone, channels, quiet_from, quiet_to,
                          webhook_url, updated_at)
                        values (:key, :subject, :name, :email, :locale, :zone, :channels, :quietFrom, :quietTo, :webhook, now())
                        on conflict (key) do update set subject = excluded.subject, name = excluded.name,
                          email = excluded.email, locale = excluded.locale, time_zone = excluded.time_zone,
                          channels = excluded.channels, quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                          webhook_url = excluded.webhook_url, updated_at = now()
                        """)
                .bind("key", volunteerKey(volunteerId))
                .bind("locale", locale == null ? "zh-CN" : locale)
                .bind("zone", timeZone == null ? "Asia/Shanghai" : timeZone)
                .bind("channels", channels.toArray(String[]::new));
        upsert = nullable(upsert, "subject", subject, String.class);
        upsert = nullable(upsert, "name", name, String.class);
        upsert = nullable(upsert, "email", email, String.class);
        upsert = nullable(upsert, "quietFrom", quiet == null ? null : quiet.from(), LocalTime.class);
        upsert = nullable(upsert, "quietTo", quiet == null ? null : quiet.to(), LocalTime.class);
        upsert = nullable(upsert, "webhook", preferences == null ? null : preferences.webhookUrl(), String.class);
        return upsert.then();
    }

    /** A volunteer from the directory, or someone known by their login; empty while a volunteer is not yet known. */
    public Mono<Recipient> find(String key) {
        if (key.startsWith("subject:")) {
            return Mono.just(Recipient.subjectOnly(key.substring("subject:".length())));
        }
        return database.sql("select * from recipient where key = :key")
                .bind("key", key)
                .map(row -> new Recipient(
                        row.get("key", String.class),
                        row.get("subject", String.class),
                        row.get("name", String.class),
                        row.get("email", String.class),
                        row.get("locale", String.class),
                        ZoneId.of(row.get("time_zone", String.class)),
                        Arrays.asList(row.get("channels", String[].class)),
                        row.get("quiet_from", LocalTime.class),
                        row.get("quiet_to", LocalTime.class),
                        row.get("webhook_url", String.class)))
                .one();
    }

    /** The coordinator who scheduled the visit, who hears of its staffing. */
    public Mono<Void> coordinates(UUID visitId, String subject) {
        return database.sql(
                        "insert into visit_coordinator (visit_id, subject) values (:visit, :subject) on conflict (visit_id) do nothing")
                .bind("visit", visitId)
                .bind("subject", subject)
                .then();
    }

    public Mono<String> coordinatorOf(UUID visitId) {
        return database.sql("select subject from visit_coordinator where visit_id = :visit")
                .bind("visit", visitId)
                .map(row -> row.get("subject", String.class))
                .one();
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
