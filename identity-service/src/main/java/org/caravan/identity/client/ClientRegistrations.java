package org.caravan.identity.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caravan.identity.IdentityProperties;
import org.caravan.identity.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Registers the clients configuration describes (in the JDBC client repository, so every replica sees the same):
 * the gateway (authorization code with PKCE, refresh tokens), operators' scripts (client credentials, roles as
 * scopes), the services (client credentials, {@code accounts.invite}) and the command line (a public client:
 * authorization code with PKCE to a loopback redirect, no refresh token). A client without a configured secret, or
 * the command line's when not enabled, is not registered, and removed if it was: there is no default secret outside
 * the local profile.
 */
@Component
public class ClientRegistrations implements ApplicationRunner {

    /** The scope that lets a service invite the people it registers. */
    public static final String INVITE_SCOPE = "accounts.invite";

    private static final Logger log = LoggerFactory.getLogger(ClientRegistrations.class);

    private final RegisteredClientRepository clients;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final IdentityProperties.Clients configured;

    ClientRegistrations(
            RegisteredClientRepository clients,
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            IdentityProperties properties) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.configured = properties.clients();
    }

    @Override
    public void run(ApplicationArguments args) {
        register(configured.gateway().id(), gateway(configured.gateway()));
        register(configured.scripts().id(), scripts(configured.scripts()));
        register(configured.services().id(), services(configured.services()));
        register(configured.cli().id(), cli(configured.cli()));
    }

    private void register(String clientId, RegisteredClient client) {
        if (client == null) {
            int removed = jdbc.sql("delete from oauth2_registered_client where client_id = ?")
                    .param(clientId)
                    .update();
            log.info(
                    "Client {} is not configured (no secret, or not enabled){}",
                    clientId,
                    removed > 0 ? "; removed" : "");
            return;
        }
        clients.save(client);
    }

    private RegisteredClient gateway(IdentityProperties.Gateway gateway) {
        List<String> redirects = gateway.redirectUris() == null ? List.of() : gateway.redirectUris();
        if (blank(gateway.secret()) || redirects.isEmpty()) {
            return null;
        }
        return RegisteredClient.withId(gateway.id())
                .clientId(gateway.id())
                .clientName("Caravan gateway")
                .clientSecret(passwordEncoder.encode(gateway.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirects))
                .postLogoutRedirectUris(uris -> uris.addAll(
                        gateway.postLogoutRedirectUris() == null ? List.of() : gateway.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(gateway.accessTokenLifetime())
                        .refreshTokenTimeToLive(gateway.refreshTokenLifetime())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    private RegisteredClient scripts(IdentityProperties.Scripts scripts) {
        if (blank(scripts.secret())) {
            return null;
        }
        Set<String> roles = Role.checked(scripts.roles());
        return RegisteredClient.withId(scripts.id())
                .clientId(scripts.id())
                .clientName("Caravan operators' scripts")
                .clientSecret(passwordEncoder.encode(scripts.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(new ArrayList<>(roles)))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(scripts.tokenLifetime())
                        .build())
                .build();
    }

    private RegisteredClient services(IdentityProperties.Services services) {
        if (blank(services.secret())) {
            return null;
        }
        return RegisteredClient.withId(services.id())
                .clientId(services.id())
                .clientName("Caravan services")
                .clientSecret(passwordEncoder.encode(services.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(INVITE_SCOPE)
                .build();
    }

    /**
     * A public client: it authenticates with nothing but its id ({@link ClientAuthenticationMethod#NONE}), so PKCE is
     * what binds the code to the command that asked for it. The redirect URI is registered without a port: for a
     * loopback IP address (127.0.0.1, [::1]; not {@code localhost}) Spring Authorization Server accepts any port, as
     * RFC 8252 section 7.3 asks, and the path must still match. No refresh grant: a command signs in again.
     */
    private RegisteredClient cli(IdentityProperties.Cli cli) {
        if (!cli.enabled()) {
            return null;
        }
        return RegisteredClient.withId(cli.id())
                .clientId(cli.id())
                .clientName("Caravan command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(IdentityProperties.Cli.REDIRECT_URI)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(cli.accessTokenLifetime())
                        .build())
                .build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
