package org.caravan.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import java.time.LocalTime;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.module.SimpleModule;

@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {

    @Bean
    TraceIdWebFilter traceIdWebFilter() {
        return new TraceIdWebFilter();
    }

    @Bean
    ShutdownDrain shutdownDrain(@Value("${caravan.web.shutdown-drain:0s}") Duration drain) {
        return new ShutdownDrain(drain);
    }

    @Bean
    InputHygieneWebFilter inputHygieneWebFilter() {
        return new InputHygieneWebFilter();
    }

    /**
     * Optional numbers are optional: Jackson 3 refuses an absent primitive by default, which turned a left-out
     * {@code teamSlots} into "Failed to read HTTP message". Required ones say so through validation instead.
     */
    @Bean
    JsonMapperBuilderCustomizer caravanRequestReading() {
        return builder -> builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(
                        new SimpleModule("caravan-request-text").addDeserializer(String.class, new TextWithoutNul()));
    }

    /** The form {@link InputErrors} asks for, so clients and the fuzzing test know what a time of day looks like. */
    static final String TIME_OF_DAY = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";

    static {
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        LocalTime.class,
                        new StringSchema().pattern(TIME_OF_DAY).example("22:00").description("a time of day"));
    }

    @Bean
    OpenAPI caravanOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("Caravan " + service)
                        .description("Errors are RFC 9457 application/problem+json; send a bearer JWT.")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
