package org.caravan.platform.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A handler's {@code @PreAuthorize("hasRole(...)")} or {@code hasAnyRole(...)} is checked before its body is
 * read: method security alone runs after the arguments are bound and validated, so a volunteer posting a
 * malformed visit learnt the schema from a 400 instead of getting 403. Expressions of any other form are left to
 * method security, which still checks every call as well.
 */
public final class RolesBeforeReading implements WebFilter {

    private static final Pattern ROLES = Pattern.compile("\\s*has(?:Any)?Role\\(((?:\\s*'[^']+'\\s*,?)+)\\)\\s*");
    private static final Pattern ROLE = Pattern.compile("'([^']+)'");

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Map<HandlerMethod, Optional<List<String>>> rolesByHandler = new ConcurrentHashMap<>();

    RolesBeforeReading(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
        if (mapping == null) {
            return chain.filter(exchange);
        }
        // A path or method nothing serves is left to the dispatcher, which answers 404 or 405 as problem+json.
        return mapping.getHandler(exchange)
                .onErrorResume(unmatched -> Mono.empty())
                .ofType(HandlerMethod.class)
                .flatMap(
                        handler -> Mono.justOrEmpty(rolesByHandler.computeIfAbsent(handler, RolesBeforeReading::roles)))
                .flatMap(roles -> ReactiveSecurityContextHolder.getContext()
                        .map(SecurityContext::getAuthentication)
                        .filter(authentication -> holdsAny(authentication, roles))
                        .switchIfEmpty(Mono.error(() -> new AccessDeniedException("Your role does not allow this")))
                        .thenReturn(true))
                .then(chain.filter(exchange));
    }

    /** The roles a handler states for itself, if it states them as hasRole or hasAnyRole. */
    public static Optional<List<String>> roles(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return rule == null ? Optional.empty() : rolesIn(rule.value());
    }

    /** The roles of {@code hasRole('a')} or {@code hasAnyRole('a', 'b')}; empty for any other expression. */
    static Optional<List<String>> rolesIn(String expression) {
        Matcher whole = ROLES.matcher(expression);
        if (!whole.matches()) {
            return Optional.empty();
        }
        Matcher role = ROLE.matcher(whole.group(1));
        List<String> roles = new java.util.ArrayList<>();
        while (role.find()) {
            roles.add(role.group(1));
        }
        return Optional.of(List.copyOf(roles));
    }

    private static boolean holdsAny(Authentication authentication, List<String> roles) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(held -> roles.stream().anyMatch(role -> held.equals("ROLE_" + role)));
    }
}
