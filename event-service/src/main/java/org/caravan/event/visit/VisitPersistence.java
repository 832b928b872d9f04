package org.caravan.event.visit;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.dialect.DialectResolver;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class VisitPersistence {

    /** Saving writes enums as names by itself, but query criteria on the status column need to be told. */
    @Bean
    R2dbcCustomConversions r2dbcCustomConversions(DatabaseClient database) {
        return R2dbcCustomConversions.of(
                DialectResolver.getDialect(database.getConnectionFactory()), List.of(new StatusAsName()));
    }

    @WritingConverter
    static class StatusAsName implements Converter<VisitStatus, String> {

        @Override
        public String convert(VisitStatus status) {
            return status.name();
        }
    }
}
