package org.caravan.volunteer.volunteer;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import org.caravan.contracts.volunteer.ContactPreferences;
import org.caravan.platform.EventJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.dialect.DialectResolver;
import org.springframework.r2dbc.core.DatabaseClient;

/** Contact preferences and availability are kept as jsonb, in the same JSON form as in events. */
@Configuration(proxyBeanMethods = false)
class VolunteerPersistence {

    @Bean
    R2dbcCustomConversions r2dbcCustomConversions(DatabaseClient database) {
        return R2dbcCustomConversions.of(
                DialectResolver.getDialect(database.getConnectionFactory()),
                List.of(
                        new ContactPreferencesAsJson(),
                        new AvailabilityAsJson(),
                        new ContactPreferencesFromJson(),
                        new AvailabilityFromJson()));
    }

    @WritingConverter
    static class ContactPreferencesAsJson implements Converter<ContactPreferences, Json> {

        @Override
        public Json convert(ContactPreferences preferences) {
            return Json.of(EventJson.write(preferences));
        }
    }

    @WritingConverter
    static class AvailabilityAsJson implements Converter<Availability, Json> {

        @Override
        public Json convert(Availability availability) {
            return Json.of(EventJson.write(availability));
        }
    }

    @ReadingConverter
    static class ContactPreferencesFromJson implements Converter<Json, ContactPreferences> {

        @Override
        public ContactPreferences convert(Json json) {
            return EventJson.read(json.asArray(), ContactPreferences.class);
        }
    }

    @ReadingConverter
    static class AvailabilityFromJson implements Converter<Json, Availability> {

        @Override
        public Availability convert(Json json) {
            return EventJson.read(json.asArray(), Availability.class);
        }
    }
}
