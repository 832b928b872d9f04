package org.caravan.identity;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Caravan's embedded OpenID Connect provider: people sign in here; the services trust its tokens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityServiceApplication {

    /** The one clock lockouts, link expiry and key publication read; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(IdentityServiceApplication.class, args);
    }
}
