package org.caravan.platform.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook may never reach unless an operator allows them: everything that is not a public unicast
 * address (IANA's special-purpose registries), plus the clouds' metadata services. IPv6 forms that carry an IPv4
 * address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) are judged by the IPv4 address inside.
 */
public final class AddressRules {

    private record Rule(Network network, String what) {}

    private static final String PRIVATE = "a private network address (RFC 1918)";
    private static final String METADATA = "a cloud metadata service";
    private static final String DOCUMENTATION = "a documentation address";

    /** First match wins: the metadata services come before the blocks that hold them. */
    private static final List<Rule> IPV4 = List.of(
            rule("169.254.169.254/32", METADATA),
            rule("100.100.100.200/32", METADATA + " (Alibaba Cloud)"),
            rule("168.63.129.16/32", METADATA + " (Azure)"),
            rule("0.0.0.0/8", "an unspecified address (\"this network\")"),
            rule("10.0.0.0/8", PRIVATE),
            rule("100.64.0.0/10", "a carrier-grade NAT address (RFC 6598)"),
            rule("127.0.0.0/8", "a loopback address"),
            rule("169.254.0.0/16", "a link-local address"),
            rule("172.16.0.0/12", PRIVATE),
            rule("192.0.0.0/24", "an IETF protocol address"),
            rule("192.0.2.0/24", DOCUMENTATION),
            rule("192.88.99.0/24", "a 6to4 relay address"),
            rule("192.168.0.0/16", PRIVATE),
            rule("198.18.0.0/15", "a benchmarking address"),
            rule("198.51.100.0/24", DOCUMENTATION),
            rule("203.0.113.0/24", DOCUMENTATION),
            rule("224.0.0.0/4", "a multicast address"),
            rule("240.0.0.0/4", "a reserved or broadcast address"));

    private static final List<Rule> IPV6 = List.of(
            rule("::/128", "an unspecified address"),
            rule("::1/128", "a loopback address"),
            rule("fd00:ec2::254/128", METADATA + " (AWS)"),
            rule("fc00::/7", "a unique local address (IPv6 ULA, fc00::/7)"),
            rule("fe80::/10", "a link-local address"),
            rule("fec0::/10", "a site-local address"),
            rule("ff00::/8", "a multicast address"),
            rule("100::/64", "a discard-only address"),
            rule("64:ff9b:1::/48", "a local-use NAT64 address"),
            rule("2001::/32", "a Teredo tunnel address"),
            rule("2001:db8::/32", DOCUMENTATION),
            rule("3fff::/20", DOCUMENTATION));

    private static final Network MAPPED = Network.parse("::ffff:0:0/96");
    private static final Network TRANSLATED = Network.parse("::ffff:0:0:0/96");
    private static final Network COMPATIBLE = Network.parse("::/96");
    private static final Network NAT64 = Network.parse("64:ff9b::/96");
    private static final Network SIX_TO_FOUR = Network.parse("2002::/16");

    private AddressRules() {}

    /** What kind of address this is ("a loopback address"...) if a webhook may not reach it; empty if it may. */
    public static Optional<String> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    static Optional<String> refusal(byte[] address) {
        if (address.length == 4) {
            return match(IPV4, address);
        }
        Optional<String> special = match(IPV6, address);
        if (special.isPresent()) {
            return special;
        }
        if (MAPPED.contains(address)
                || TRANSLATED.contains(address)
                || COMPATIBLE.contains(address)
                || NAT64.contains(address)) {
            return embedded(Arrays.copyOfRange(address, 12, 16));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return embedded(Arrays.copyOfRange(address, 2, 6));
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] ipv4) {
        return match(IPV4, ipv4).map(what -> what + " inside an IPv6 address");
    }

    private static Optional<String> match(List<Rule> rules, byte[] address) {
        return rules.stream()
                .filter(rule -> rule.network().contains(address))
                .map(Rule::what)
                .findFirst();
    }

    private static Rule rule(String cidr, String what) {
        return new Rule(Network.parse(cidr), what);
    }
}
