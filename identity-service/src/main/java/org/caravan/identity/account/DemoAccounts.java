package org.caravan.identity.account;

import org.caravan.identity.IdentityProperties;
import org.caravan.identity.signin.Locales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo's people (a coordinator, 乔元辉 Qiao Yuanhui, the Xiaomi team's lead, the reading team's liaison, an
 * operator) with the demo password, created on start when {@code caravan.identity.demo} lists them (the local
 * profile does). An account that already exists is left as it is, its password included.
 */
@Component
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final IdentityProperties.Demo demo;

    DemoAccounts(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.demo = properties.demo();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.accounts().isEmpty()) {
            return;
        }
        if (demo.password() == null || demo.password().isBlank()) {
            throw new IllegalStateException("caravan.identity.demo lists accounts but gives no password");
        }
        for (IdentityProperties.DemoAccount person : demo.accounts()) {
            if (accounts.bySubject(person.subject()).isPresent()) {
                continue;
            }
            accounts.createOrUpdate(
                    person.subject(),
                    person.email(),
                    person.name(),
                    person.roles(),
                    person.locale() == null
                            ? Locales.CHINESE
                            : Locales.supported(java.util.Locale.forLanguageTag(person.locale())));
            accounts.setPassword(person.subject(), demo.password());
            log.info("Demo account {} ({}) created", person.subject(), person.email());
        }
    }
}
