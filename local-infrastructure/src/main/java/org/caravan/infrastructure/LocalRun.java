package org.caravan.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the local run configures each process, so that they fit together: identity-service issues the tokens
 * (its issuer, its local profile's demo accounts and its clients, with this machine's secrets), the four services
 * trust that issuer through its published keys (JWKS), and the gateway signs people in there and is the address
 * the answer links in e-mails point at.
 */
final class LocalRun {

    /** The demo accounts identity-service's local profile creates, by e-mail. */
    static final Map<String, String> DEMO_ACCOUNTS = demoAccounts();

    private final String issuer;
    private final LocalMailServer mail;
    private final LocalSecrets secrets;

    LocalRun(String issuer, LocalMailServer mail, LocalSecrets secrets) {
        this.issuer = issuer;
        this.mail = mail;
        this.secrets = secrets;
    }

    String gatewayUrl() {
        return "http://localhost:" + CaravanService.GATEWAY.httpPort();
    }

    Map<String, String> identity(Infrastructure infrastructure) {
        Map<String, String> settings = infrastructure.serviceProperties(CaravanService.IDENTITY.database());
        settings.put("spring.profiles.active", "local");
        settings.putAll(mailSettings());
        settings.put("caravan.identity.issuer", issuer);
        settings.put("caravan.identity.clients.gateway.redirect-uris", gatewayUrl() + "/login/oauth2/code/caravan");
        settings.put("caravan.identity.clients.gateway.post-logout-redirect-uris", gatewayUrl() + "/");
        settings.putAll(secrets.identitySettings());
        return settings;
    }

    Map<String, String> service(Infrastructure infrastructure, CaravanService service) {
        Map<String, String> settings = infrastructure.serviceProperties(service.database());
        settings.putAll(mailSettings());
        settings.putAll(trustTheProvider(issuer));
        settings.put("caravan.notification.answer-link-base", gatewayUrl());
        settings.putAll(secrets.serviceSettings());
        return settings;
    }

    Map<String, String> gateway() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.profiles.active", "local");
        settings.put("caravan.gateway.issuer-uri", issuer);
        settings.put("caravan.gateway.client.secret", secrets.gatewayClient());
        for (CaravanService service : CaravanService.ALL) {
            String shortName = service.name().substring(0, service.name().indexOf('-'));
            settings.put("caravan.gateway.routes." + shortName + ".uri", "http://127.0.0.1:" + service.httpPort());
            settings.put(
                    "caravan.gateway.routes." + shortName + ".readiness-port",
                    String.valueOf(service.managementPort()));
        }
        return settings;
    }

    /** What a service needs to trust an OpenID Connect provider: its issuer and where it publishes its keys. */
    static Map<String, String> trustTheProvider(String issuer) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("caravan.security.issuer", issuer);
        settings.put("caravan.security.jwk-set-uri", issuer + "/oauth2/jwks");
        return settings;
    }

    private Map<String, String> mailSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(mail.smtpPort()));
        return settings;
    }

    private static Map<String, String> demoAccounts() {
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("coordinator@caravan.example", "a coordinator, 李协调 Li");
        accounts.put("qiao@volunteers.example", "乔元辉 Qiao Yuanhui, volunteer (model worker, speaker)");
        accounts.put("xiaomi-team@volunteers.example", "the Xiaomi youth team's lead");
        accounts.put("liaison@huazhang.example", "the Huazhang reading team's donor liaison");
        accounts.put("operator@caravan.example", "an operator");
        return accounts;
    }
}
