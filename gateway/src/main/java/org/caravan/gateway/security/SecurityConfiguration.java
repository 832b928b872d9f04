package org.caravan.gateway.security;

import java.net.URI;
import java.util.List;
import org.caravan.gateway.GatewayProperties;
import org.caravan.gateway.routing.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Who may pass, in two chains.
 *
 * <ul>
 *   <li>A request to {@code /api/...} that brings its own {@code Authorization: Bearer} (scripts, curl) passes
 *       unchanged: no session, no CSRF check; the services check the token.
 *   <li>Everything else belongs to people with a browser: OAuth2 login at the provider (authorization code with
 *       PKCE), the tokens kept in the server-side session (never in the browser), relayed to the services by the
 *       routes; CSRF protection by a cookie-to-header token (the {@code XSRF-TOKEN} cookie, sent back as the
 *       {@code X-XSRF-TOKEN} header or a {@code _csrf} form field); sign-out at {@code POST /logout}, which ends the
 *       provider's session too. An API call without a session is answered 401 as problem details; a page is
 *       redirected to sign-in. Answer links and calendar feeds work without a session (their token is the key).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String LOCAL_CLIENT_SECRET = "caravan-local-gateway-secret-change-me";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers("/api/**");

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties properties, Environment environment) {
        String secret = properties.client().secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "No client secret for " + properties.client().id()
                            + ": set CARAVAN_GATEWAY_CLIENT_SECRET (the local profile has a development one)");
        }
        if (secret.equals(LOCAL_CLIENT_SECRET) && !environment.acceptsProfiles(Profiles.of("local"))) {
            throw new IllegalStateException("The local profile's development client secret is used outside the "
                    + "local profile: set CARAVAN_GATEWAY_CLIENT_SECRET to the secret registered at the provider");
        }
        if (properties.issuerUri() == null) {
            throw new IllegalStateException("No identity provider: set CARAVAN_GATEWAY_ISSUER_URI");
        }
        return new ProviderRegistration(properties);
    }

    /** The person's tokens live in their session: signing out, or the session's end, forgets them. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Gives the routes' token relay a current access token, refreshing it shortly before it expires. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            GatewayProperties properties) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(properties.tokenRefreshSkew()))
                .build());
        return manager;
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain bearerRequests(ServerHttpSecurity http, GatewayProperties properties) {
        return http.securityMatcher(new AndServerWebExchangeMatcher(API, SecurityConfiguration::bearer))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(headers -> securityHeaders(headers, properties))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain people(
            ServerHttpSecurity http,
            GatewayProperties properties,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        ServerRequestCache requestCache = new WebSessionServerRequestCache();
        RedirectServerAuthenticationEntryPoint signIn =
                new RedirectServerAuthenticationEntryPoint(signInPath(properties));
        signIn.setRequestCache(requestCache);
        ServerAuthenticationEntryPoint entryPoint = (exchange, e) -> API.matches(exchange)
                .flatMap(api -> api.isMatch()
                        ? Problems.write(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "Sign in first (" + signInPath(properties) + "), or send a bearer token")
                        : signIn.commence(exchange, e));

        OidcClientInitiatedServerLogoutSuccessHandler signedOut =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookiePath("/");
        boolean secure = properties.session().cookieSecure();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secure));

        ServerAccessDeniedHandler forbidden = (exchange, denied) -> Problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                denied.getClass().getSimpleName().contains("Csrf")
                        ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header"
                        : "Not allowed");

        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(RouteTable.TOKEN_AUTHENTICATED_PATHS.toArray(String[]::new))
                        .permitAll()
                        .pathMatchers(
                                "/api-docs/**",
                                "/assets/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/signin-error.html",
                                "/actuator/health/**",
                                "/actuator/prometheus")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationFailureHandler(
                                new RedirectServerAuthenticationFailureHandler("/signin-error.html")))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutHandler(handlers -> {
                            handlers.add(new WebSessionServerLogoutHandler());
                            // Said, so that "I was signed out" can be told apart from a lost session.
                            handlers.add((exchange, person) -> Mono.fromRunnable(
                                    () -> log.info("{} signed out", person == null ? "Somebody" : person.getName())));
                        })
                        .logoutSuccessHandler(signedOut))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                                CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedServerWebExchangeMatcher(
                                        ServerWebExchangeMatchers.pathMatchers("/api/answer-links/**"))))
                        .accessDeniedHandler(forbidden))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers -> securityHeaders(headers, properties))
                .build();
    }

    /** Where sign-in starts: the gateway's redirect to the provider's authorization endpoint. */
    static String signInPath(GatewayProperties properties) {
        return "/oauth2/authorization/" + properties.client().registrationId();
    }

    /** The CSRF token is made lazily; asking for it writes the cookie the web app reads. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token == null ? Mono.<CsrfToken>empty() : token).then(chain.filter(exchange));
        };
    }

    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, GatewayProperties properties) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.issuerUri())))
                .frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    /**
     * Only the gateway's own scripts, styles and connections; never framed; forms go to the gateway or the provider
     * (sign-out's redirect to its end-session endpoint).
     */
    static String contentSecurityPolicy(URI issuer) {
        String provider = issuer == null ? "" : " " + origin(issuer);
        return String.join(
                "; ",
                List.of(
                        "default-src 'self'",
                        "script-src 'self'",
                        "style-src 'self'",
                        "img-src 'self' data:",
                        "font-src 'self'",
                        "connect-src 'self'",
                        "object-src 'none'",
                        "base-uri 'self'",
                        "frame-ancestors 'none'",
                        "form-action 'self'" + provider));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> bearer(
            org.springframework.web.server.ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
