package org.caravan.infrastructure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Access tokens from the identity provider by its standard grants, for scripts, the demo loader and the benchmark:
 * client credentials for operators' scripts ({@code caravan-scripts}, the role asked as scope; the token's subject
 * is the client), and the authorization code with PKCE for a person ({@code caravan-cli}, a public client of the
 * local provider whose loopback redirect is never listened on: the code is read from the redirect itself), signing
 * in at the provider's own form with the person's e-mail and password.
 */
public final class ProviderTokens {

    public static final String SCRIPTS_CLIENT = "caravan-scripts";
    public static final String CLI_CLIENT = "caravan-cli";
    static final String CLI_REDIRECT = "http://127.0.0.1/callback";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;

    public ProviderTokens(String issuer) {
        this.issuer = URI.create(issuer.endsWith("/") ? issuer : issuer + "/");
    }

    /** Refused by the provider: a wrong secret or password, an unknown client or role, a locked account. */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    /** A token of {@code caravan-scripts} with one role (client credentials): its subject is the client. */
    public String forScripts(String secret, String role) {
        // RFC 6749 2.3.1: id and secret are form-encoded before Basic, or a '+' in a generated secret turns to ' '.
        String basic = Base64.getEncoder()
                .encodeToString((enc(SCRIPTS_CLIENT) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        HttpClient http = client(null);
        HttpResponse<String> answer = send(
                http,
                HttpRequest.newBuilder(issuer.resolve("oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(Map.of("grant_type", "client_credentials", "scope", role))));
        return accessToken(answer, "client credentials of " + SCRIPTS_CLIENT + " for " + role);
    }

    /** A person's token: signs in at the provider as their browser would, then exchanges the code (PKCE). */
    public String forPerson(String email, String password) {
        HttpClient http = client(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        String verifier = random();
        String state = random();
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", CLI_CLIENT);
        authorize.put("redirect_uri", CLI_REDIRECT);
        authorize.put("scope", "openid profile");
        authorize.put("state", state);
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        URI next = issuer.resolve("oauth2/authorize?" + query(authorize));
        String csrf = null;
        boolean signedIn = false;
        for (int step = 0; step < 10; step++) {
            if (next.toString().startsWith(CLI_REDIRECT)) {
                Map<String, String> callback = parameters(next.getRawQuery());
                if (callback.containsKey("error")) {
                    throw new RefusedException("The provider refused the sign-in: " + callback.get("error") + " "
                            + callback.getOrDefault("error_description", ""));
                }
                if (!state.equals(callback.get("state"))) {
                    throw new RefusedException("The provider answered with another sign-in's state");
                }
                return exchange(http, callback.get("code"), verifier);
            }
            HttpResponse<String> page = send(http, HttpRequest.newBuilder(next).header("Accept", "text/html"));
            if (page.uri().getPath().equals("/login") && page.statusCode() == 200) {
                if (signedIn
                        || page.uri().getRawQuery() != null
                                && page.uri().getRawQuery().contains("error")) {
                    throw new RefusedException("Wrong e-mail or password for " + email
                            + ", or the account is locked after repeated failures");
                }
                Matcher token = FORM_CSRF.matcher(page.body());
                csrf = token.find() ? token.group(1) : null;
                Map<String, String> fields = new LinkedHashMap<>();
                if (csrf != null) {
                    fields.put("_csrf", csrf);
                }
                fields.put("email", email);
                fields.put("password", password);
                page = send(
                        http,
                        HttpRequest.newBuilder(page.uri())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "text/html")
                                .POST(form(fields)));
                signedIn = true;
            }
            String location = page.headers().firstValue("Location").orElse(null);
            if (page.statusCode() / 100 != 3 || location == null) {
                throw new RefusedException("The provider answered " + page.statusCode() + " at " + page.uri()
                        + " during sign-in; is " + CLI_CLIENT + " registered (local profile)?");
            }
            next = page.uri().resolve(location);
            if (next.getPath().equals("/login") && signedIn && next.getRawQuery() != null) {
                throw new RefusedException(
                        "Wrong e-mail or password for " + email + ", or the account is locked after repeated failures");
            }
        }
        throw new RefusedException("The sign-in at " + issuer + " did not end in a code after 10 redirects");
    }

    private String exchange(HttpClient http, String code, String verifier) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", CLI_REDIRECT);
        fields.put("client_id", CLI_CLIENT);
        fields.put("code_verifier", verifier);
        HttpResponse<String> answer = send(
                http,
                HttpRequest.newBuilder(issuer.resolve("oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(fields)));
        return accessToken(answer, "the code of " + CLI_CLIENT);
    }

    private static String accessToken(HttpResponse<String> answer, String what) {
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new RefusedException(
                    "The provider refused " + what + ": " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    private static HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    private HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The identity provider at " + issuer + " does not answer (is ./caravan run running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + issuer, e);
        }
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }

    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
