package org.caravan.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the provider reads from its configuration ({@code caravan.identity.*}, or the same names as
 * environment variables: {@code CARAVAN_IDENTITY_ISSUER}, {@code CARAVAN_IDENTITY_KEYS_ENCRYPTION_SECRET}...).
 * Secrets have no default here; the {@code local} profile (application-local.yml) gives development ones.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document; blank means "the URL the
 *     request came in on", which only tests should rely on
 * @param audience the {@code aud} of access tokens, as the services check it
 * @param publicUrl where people's browsers reach this provider, for the links in e-mails; blank means the issuer
 * @param mailFrom the sender of invitations and password-reset mail
 * @param invitationsFromEvents whether volunteer-service's {@code VolunteerRegistered} events invite people
 * @param processedEventRetention how long a consumed event's claim is kept: longer than any topic keeps its records,
 *     so that a redelivery or a replay still finds it
 */
@ConfigurationProperties("caravan.identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("caravan") String audience,
        String publicUrl,
        @DefaultValue("Caravan 志愿服务大篷车 <noreply@caravan.example>") String mailFrom,
        @DefaultValue SignIn signIn,
        @DefaultValue Links links,
        @DefaultValue Keys keys,
        @DefaultValue Clients clients,
        @DefaultValue InvitationsFromEvents invitationsFromEvents,
        @DefaultValue("30d") Duration processedEventRetention,
        @DefaultValue Demo demo) {

    /** The base URL of links sent by e-mail, without a trailing slash. */
    public String linkBase() {
        String base = publicUrl != null && !publicUrl.isBlank() ? publicUrl : issuer;
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(
                    "Set caravan.identity.public-url or caravan.identity.issuer (CARAVAN_IDENTITY_PUBLIC_URL): "
                            + "e-mailed links need to know where people reach the provider");
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Lockout after repeated wrong passwords for the same e-mail address. */
    public record SignIn(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration failureWindow,
            @DefaultValue("15m") Duration lockDuration) {}

    /** How long an invitation or a password-reset link stays usable. */
    public record Links(
            @DefaultValue("7d") Duration invitationLifetime, @DefaultValue("1h") Duration passwordResetLifetime) {}

    /**
     * Signing keys: their private parts are sealed with {@code encryptionSecret} in the database; a rotated-out
     * key stays published for {@code retiredKeyPublication}, longer than any token it signed lives.
     */
    public record Keys(String encryptionSecret, @DefaultValue("24h") Duration retiredKeyPublication) {}

    public record Clients(
            @DefaultValue Scripts scripts,
            @DefaultValue Gateway gateway,
            @DefaultValue Services services,
            @DefaultValue Cli cli) {}

    /**
     * The confidential client operators' scripts use with the client-credentials grant; it may ask for the
     * roles listed here (as scopes), which its tokens carry in {@code roles}. Not registered without a secret.
     */
    public record Scripts(
            @DefaultValue("caravan-scripts") String id,
            String secret,
            @DefaultValue({"operator", "coordinator"}) Set<String> roles,
            @DefaultValue("1h") Duration tokenLifetime) {}

    /**
     * The gateway's OAuth2 login: authorization code with PKCE, a confidential client (the gateway keeps the
     * tokens server-side). Not registered without a secret and at least one redirect URI.
     */
    public record Gateway(
            @DefaultValue("caravan-gateway") String id,
            String secret,
            List<String> redirectUris,
            List<String> postLogoutRedirectUris,
            @DefaultValue("15m") Duration accessTokenLifetime,
            @DefaultValue("8h") Duration refreshTokenLifetime) {}

    /**
     * The client the other services use (client credentials, scope {@code accounts.invite}) to invite the people
     * they register. Not registered without a secret.
     */
    public record Services(@DefaultValue("caravan-services") String id, String secret) {}

    /**
     * The command line's sign-in: a public client (no secret, it could not keep one) with authorization code and
     * PKCE, redirected to a loopback address on whatever port the command listens on (RFC 8252:
     * {@code http://127.0.0.1:<port>/callback}), no refresh token. Registered only when enabled (the local profile).
     */
    public record Cli(
            boolean enabled,
            @DefaultValue("caravan-cli") String id,
            @DefaultValue("15m") Duration accessTokenLifetime) {

        /** Registered without a port: the provider accepts any port on a loopback IP address. */
        public static final String REDIRECT_URI = "http://127.0.0.1/callback";
    }

    /**
     * Consuming volunteer-service's {@code VolunteerRegistered} (topic {@code caravan.volunteers.v1}) and
     * donation-service's {@code DonorLiaisonNamed} (topic {@code caravan.donors.v1}), consumer group {@code
     * identity-service}, to invite each volunteer and each donor's liaison registered with an e-mail address. Off for a
     * deployment whose people sign in at another provider (Keycloak...), which then needs no Kafka here.
     */
    public record InvitationsFromEvents(@DefaultValue("true") boolean enabled) {}

    /** Demonstration accounts created on start when listed (the local profile lists the demo's people). */
    public record Demo(String password, List<DemoAccount> accounts) {

        public Demo {
            accounts = accounts == null ? List.of() : List.copyOf(accounts);
        }
    }

    public record DemoAccount(String subject, String email, String name, Set<String> roles, String locale) {}
}
