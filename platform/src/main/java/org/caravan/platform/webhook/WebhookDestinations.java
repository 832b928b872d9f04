package org.caravan.platform.webhook;

import io.netty.resolver.AddressResolverGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a webhook may go: a server-side request to a URL chosen by a volunteer must not reach this machine, the
 * internal network or a cloud's metadata service. Two checks, each against {@link AddressRules} and the operator's
 * allow-list ({@link WebhookProperties}):
 *
 * <ul>
 *   <li>{@link #refusal(String)} judges the URL as written, without any lookup: http or https, no user name or
 *       password, no numeric host in a refused block or in an unusual form, no name of this machine or of a local
 *       network. volunteer-service refuses such URLs when they are set; notification-service before sending.
 *   <li>{@link #resolverGroup()} is the name resolution of the HTTP client that sends: it resolves the host once,
 *       checks every address it got, and gives the client only checked addresses, so the connection goes to an
 *       address that was checked (a name that resolves elsewhere by the time of the connection changes nothing).
 * </ul>
 */
public final class WebhookDestinations {

    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Set<String> LOCAL_SUFFIXES = Set.of(".localhost", ".local", ".internal", ".home.arpa");
    /** Decimal, octal or hexadecimal parts: how inet_aton reads 127.1, 2130706433 or 0x7f.0.0.1. */
    private static final Pattern NUMERIC_IPV4 =
            Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?", Pattern.CASE_INSENSITIVE);

    private final Set<String> allowedHosts;
    private final List<Network> allowedNetworks;
    private final AddressResolverGroup<InetSocketAddress> resolverGroup;

    public WebhookDestinations(WebhookProperties properties) {
        this.allowedHosts = properties.allowedHosts().stream()
                .map(WebhookDestinations::normalised)
                .collect(Collectors.toUnmodifiableSet());
        this.allowedNetworks = properties.allowedNetworks().stream()
                .map(WebhookDestinations::network)
                .toList();
        this.resolverGroup = new CheckingAddressResolverGroup(this);
    }

    /** The rules alone, with nothing allowed besides. */
    public static WebhookDestinations withoutAllowList() {
        return new WebhookDestinations(new WebhookProperties(List.of(), List.of()));
    }

    /**
     * Why the URL may not be a webhook ("carries a user name or password", "points at 127.0.0.1, a loopback
     * address"...), judged as written; empty if it may, which the connection's own check still follows.
     */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException malformed) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque() || !SCHEMES.contains(scheme)) {
            return Optional.of("is not an http or https URL");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("carries a user name or password");
        }
        String written = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
        if (written == null || written.isBlank()) {
            return Optional.of("names no host");
        }
        String host = normalised(written);
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        if (host.indexOf(':') >= 0) {
            byte[] address = Network.numeric(host);
            return address == null
                    ? Optional.of("is not a valid IPv6 address")
                    : refusal(host, address).map(what -> "points at " + what);
        }
        if (NUMERIC_IPV4.matcher(host).matches()) {
            byte[] address = Network.numeric(host);
            return address == null
                    ? Optional.of("writes an IPv4 address in an unusual form (use four decimal numbers)")
                    : refusal(host, address).map(what -> "points at " + what);
        }
        if (host.equals("localhost") || LOCAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
            return Optional.of("names this machine or a local network (" + host + ")");
        }
        if (host.indexOf('.') < 0) {
            return Optional.of("names a host without a domain (" + host + "), which only a local network resolves");
        }
        return Optional.empty();
    }

    /**
     * Why a connection to {@code address}, found for {@code host}, may not be made ("127.0.0.1, a loopback
     * address"...); empty if the host or the address is allowed, or the address is a public one.
     */
    public Optional<String> refusal(String host, InetAddress address) {
        return refusal(normalised(host), address.getAddress());
    }

    private Optional<String> refusal(String host, byte[] address) {
        if (allowedHosts.contains(host) || allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
            return Optional.empty();
        }
        return AddressRules.refusal(address).map(what -> text(address) + ", " + what);
    }

    /** For Reactor Netty's {@code HttpClient.resolver(...)}: resolves, checks every address, refuses or connects. */
    public AddressResolverGroup<InetSocketAddress> resolverGroup() {
        return resolverGroup;
    }

    /** The host of an authority java.net.URI would not read as a server's (0x7f.0.0.1, a_b.example). */
    private static String hostOf(String authority) {
        if (authority == null) {
            return null;
        }
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String normalised(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static Network network(String cidr) {
        try {
            return Network.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "caravan.webhooks.allowed-networks (CARAVAN_WEBHOOKS_ALLOWED_NETWORKS): " + e.getMessage(), e);
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
