package org.caravan.identity.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caravan.identity.IdentityProperties;
import org.caravan.identity.account.Account;
import org.caravan.identity.account.Accounts;
import org.caravan.identity.account.Role;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims the services read, as they read them today: {@code sub} the person's subject (or the client's id for
 * client credentials), {@code roles} a list of role names, {@code aud} the services' audience ({@code caravan}).
 * A person's roles are read from their account each time a token is issued, refreshes included, so a change of
 * roles or a disabled account takes effect at the next refresh. ID tokens carry the person's name, e-mail, locale
 * and roles for the web app; their audience stays the client, as OpenID Connect requires.
 */
@Component
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES = "roles";

    private final Accounts accounts;
    private final String audience;

    TokenClaims(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.audience = properties.audience();
    }

    /**
     * Claim values are plain mutable collections: the authorization (claims included) is stored as JSON, and
     * reading it back for a refresh accepts only types the framework's allow-list knows.
     */
    private List<String> audience() {
        return new ArrayList<>(List.of(audience));
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken =
                OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            Set<String> roles = new TreeSet<>();
            context.getAuthorizedScopes().stream().filter(Role::isRole).forEach(roles::add);
            context.getClaims().claim(ROLES, new ArrayList<>(roles));
            context.getClaims().audience(audience());
            return;
        }
        Account account = accounts.bySubject(context.getPrincipal().getName())
                .filter(Account::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The account is missing or disabled", null)));
        context.getClaims().claim(ROLES, new ArrayList<>(new TreeSet<>(account.roles())));
        if (accessToken) {
            context.getClaims().audience(audience());
            return;
        }
        Set<String> scopes = context.getAuthorizedScopes();
        if (scopes.contains(OidcScopes.PROFILE)) {
            context.getClaims().claim("name", account.name());
            context.getClaims().claim("locale", account.locale().toLanguageTag());
        }
        if (scopes.contains(OidcScopes.EMAIL)) {
            context.getClaims().claim("email", account.email());
            context.getClaims().claim("email_verified", account.hasPassword());
        }
    }
}
