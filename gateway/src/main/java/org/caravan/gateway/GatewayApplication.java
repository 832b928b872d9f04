package org.caravan.gateway;

import java.security.Security;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one public entry point for people: the web app, sign-in, and {@code /api/...} routed to the services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        // Replicas come and go under one name (docker-compose, Kubernetes): ask DNS again after a second, not 30.
        if (Security.getProperty("networkaddress.cache.ttl") == null) {
            Security.setProperty("networkaddress.cache.ttl", "1");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
