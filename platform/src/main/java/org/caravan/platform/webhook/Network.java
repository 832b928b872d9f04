package org.caravan.platform.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a bare address is a block of
 * one. Parsed without any name lookup: only numeric addresses are accepted.
 */
public record Network(byte[] prefix, int length) {

    public static Network parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = numeric(address);
        if (bytes != null && bytes.length == 4 && address.indexOf(':') >= 0) {
            bytes = mapped(bytes);
        }
        if (bytes == null) {
            throw new IllegalArgumentException("Not a network in CIDR notation (10.0.0.0/8, fc00::/7): " + cidr);
        }
        int length;
        try {
            length = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a prefix length in " + cidr, e);
        }
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("Prefix length out of range in " + cidr);
        }
        return new Network(bytes, length);
    }

    /**
     * The bytes of a numeric IPv4 or IPv6 address (dotted quad, or with colons), or null for anything else. As
     * when the JDK connects, an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) gives the IPv4 address's 4.
     */
    static byte[] numeric(String address) {
        String text =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        boolean dottedQuad =
                text.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        boolean ipv6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!dottedQuad && !ipv6) {
            return null;
        }
        try {
            // Numeric text only: the JDK parses it without asking DNS.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The JDK turns ::ffff:a.b.c.d into an IPv4 address; a network written so keeps its IPv6 form. */
    private static byte[] mapped(byte[] ipv4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, bytes, 12, 4);
        return bytes;
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    public boolean contains(byte[] address) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = length / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network network
                && network.length == length
                && java.util.Arrays.equals(network.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(prefix) + length;
    }

    @Override
    public String toString() {
        try {
            InetAddress address = prefix.length == 16
                    ? java.net.Inet6Address.getByAddress(null, prefix, null)
                    : InetAddress.getByAddress(prefix);
            return address.getHostAddress() + "/" + length;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
