package org.caravan.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which webhook URLs and addresses are refused, and what an operator's allow-list changes. */
class WebhookDestinationsTests {

    private final WebhookDestinations rules = WebhookDestinations.withoutAllowList();

    @Test
    void publicHttpAndHttpsUrlsAreAccepted() {
        assertThat(rules.refusal("https://chat.example/hooks/xiaomi-youth")).isEmpty();
        assertThat(rules.refusal("http://hooks.partner.example:8443/caravan?team=7"))
                .isEmpty();
        assertThat(rules.refusal("https://8.8.8.8/hook")).isEmpty();
        assertThat(rules.refusal("https://[2001:4860:4860::8888]/hook")).isEmpty();
        assertThat(rules.refusal("HTTPS://Chat.Example./hook")).isEmpty();
    }

    @Test
    void onlyHttpAndHttpsSchemesAreAccepted() {
        for (String url : List.of(
                "ftp://chat.example/hook",
                "file:///etc/passwd",
                "gopher://chat.example:70/_x",
                "jar:http://chat.example/a.jar!/",
                "mailto:ops@chat.example",
                "//chat.example/hook",
                "chat.example/hook")) {
            assertThat(rules.refusal(url)).as(url).contains("is not an http or https URL");
        }
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThat(rules.refusal("https://user:secret@chat.example/hook")).contains("carries a user name or password");
        assertThat(rules.refusal("https://user@chat.example/hook")).contains("carries a user name or password");
        assertThat(rules.refusal("http://chat.example@127.0.0.1/")).contains("carries a user name or password");
    }

    @Test
    void unparseableOrHostlessUrlsAreRefused() {
        assertThat(rules.refusal(null)).contains("is not an http or https URL");
        assertThat(rules.refusal("http://chat.example\\@127.0.0.1/")).contains("is not a valid URL");
        assertThat(rules.refusal("http:///hook")).contains("names no host");
        assertThat(rules.refusal("http://[::1/")).contains("is not a valid URL");
    }

    @Test
    void ipv4LoopbackPrivateLinkLocalAndMetadataAddressesAreRefused() {
        assertThat(rules.refusal("http://127.0.0.1:9081/actuator")).contains("points at 127.0.0.1, a loopback address");
        assertThat(rules.refusal("http://127.254.3.9/")).contains("points at 127.254.3.9, a loopback address");
        assertThat(rules.refusal("http://10.1.2.3/"))
                .contains("points at 10.1.2.3, a private network address (RFC 1918)");
        assertThat(rules.refusal("http://172.16.0.1/"))
                .hasValueSatisfying(r -> assertThat(r).contains("RFC 1918"));
        assertThat(rules.refusal("http://172.31.255.255/"))
                .hasValueSatisfying(r -> assertThat(r).contains("RFC 1918"));
        assertThat(rules.refusal("http://192.168.1.1/"))
                .hasValueSatisfying(r -> assertThat(r).contains("RFC 1918"));
        assertThat(rules.refusal("http://169.254.169.254/latest/meta-data/"))
                .contains("points at 169.254.169.254, a cloud metadata service");
        assertThat(rules.refusal("http://169.254.1.1/")).contains("points at 169.254.1.1, a link-local address");
        assertThat(rules.refusal("http://100.64.0.1/"))
                .hasValueSatisfying(r -> assertThat(r).contains("carrier-grade NAT"));
        assertThat(rules.refusal("http://100.127.255.254/"))
                .hasValueSatisfying(r -> assertThat(r).contains("carrier-grade NAT"));
        assertThat(rules.refusal("http://0.0.0.0:5432/"))
                .hasValueSatisfying(r -> assertThat(r).contains("unspecified"));
        assertThat(rules.refusal("http://224.0.0.1/"))
                .hasValueSatisfying(r -> assertThat(r).contains("multicast"));
        assertThat(rules.refusal("http://255.255.255.255/"))
                .hasValueSatisfying(r -> assertThat(r).contains("broadcast"));
    }

    @Test
    void theEdgesOfTheRefusedIpv4BlocksAreExact() {
        assertThat(rules.refusal("http://172.15.255.255/")).isEmpty();
        assertThat(rules.refusal("http://172.32.0.0/")).isEmpty();
        assertThat(rules.refusal("http://100.63.255.255/")).isEmpty();
        assertThat(rules.refusal("http://100.128.0.0/")).isEmpty();
        assertThat(rules.refusal("http://11.0.0.0/")).isEmpty();
        assertThat(rules.refusal("http://223.255.255.255/")).isEmpty();
    }

    @Test
    void ipv4WrittenInUnusualFormsIsRefused() {
        for (String host :
                List.of("2130706433", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "127.1", "127.0.1", "017700000001")) {
            assertThat(rules.refusal("http://" + host + "/"))
                    .as(host)
                    .contains("writes an IPv4 address in an unusual form (use four decimal numbers)");
        }
    }

    @Test
    void ipv6LoopbackUniqueLocalLinkLocalMulticastAndMetadataAddressesAreRefused() {
        assertThat(rules.refusal("http://[::1]:9084/"))
                .hasValueSatisfying(r -> assertThat(r).contains("a loopback address"));
        assertThat(rules.refusal("http://[::]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("unspecified"));
        assertThat(rules.refusal("http://[fd12:3456::1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("unique local"));
        assertThat(rules.refusal("http://[fc00::1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("unique local"));
        assertThat(rules.refusal("http://[fd00:ec2::254]/latest/meta-data/"))
                .hasValueSatisfying(r -> assertThat(r).contains("cloud metadata service (AWS)"));
        assertThat(rules.refusal("http://[fe80::1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("link-local"));
        assertThat(rules.refusal("http://[ff02::1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("multicast"));
        assertThat(rules.refusal("http://[2001:db8::1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("documentation"));
    }

    @Test
    void ipv4InsideIpv6IsJudgedAsTheIpv4AddressItCarries() {
        assertThat(rules.refusal("http://[::ffff:127.0.0.1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("127.0.0.1, a loopback address"));
        assertThat(rules.refusal("http://[::ffff:7f00:1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("127.0.0.1, a loopback address"));
        assertThat(rules.refusal("http://[::ffff:a9fe:a9fe]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("cloud metadata service"));
        assertThat(rules.refusal("http://[::ffff:8.8.8.8]/")).isEmpty();
        assertThat(rules.refusal("http://[::127.0.0.1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("a loopback address inside an IPv6 address"));
        assertThat(rules.refusal("http://[64:ff9b::10.0.0.1]/")).hasValueSatisfying(r -> assertThat(r)
                .contains("a private network address (RFC 1918) inside an IPv6 address"));
        assertThat(rules.refusal("http://[2002:c0a8:0101::1]/"))
                .hasValueSatisfying(r -> assertThat(r).contains("RFC 1918) inside an IPv6 address"));
        assertThat(rules.refusal("http://[64:ff9b::8.8.8.8]/")).isEmpty();
    }

    @Test
    void namesOfThisMachineOrOfALocalNetworkAreRefused() {
        for (String host : List.of(
                "localhost",
                "LOCALHOST.",
                "api.localhost",
                "printer.local",
                "metadata.google.internal",
                "router.home.arpa")) {
            assertThat(rules.refusal("http://" + host + "/")).as(host).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("names this machine or a local network"));
        }
        assertThat(rules.refusal("http://postgres:5432/"))
                .contains("names a host without a domain (postgres), which only a local network resolves");
    }

    @Test
    void addressesTheHostResolvesToAreJudgedByTheSameRules() throws UnknownHostException {
        assertThat(rules.refusal("chat.example", InetAddress.getByName("10.0.0.5")))
                .contains("10.0.0.5, a private network address (RFC 1918)");
        assertThat(rules.refusal("chat.example", InetAddress.getByName("::1"))).isPresent();
        assertThat(rules.refusal("chat.example", InetAddress.getByName("93.184.215.14")))
                .isEmpty();
    }

    @Test
    void anOperatorCanAllowNetworksAndHostsOtherwiseRefused() throws UnknownHostException {
        WebhookDestinations allowing = new WebhookDestinations(new WebhookProperties(
                List.of("hooks.internal", "Partner-Relay"), List.of("10.20.0.0/16", "127.0.0.1", "fd00:1::/32")));

        assertThat(allowing.refusal("http://10.20.3.4:8080/hook")).isEmpty();
        assertThat(allowing.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(allowing.refusal("http://[fd00:1:2::3]/hook")).isEmpty();
        assertThat(allowing.refusal("http://hooks.internal/hook")).isEmpty();
        assertThat(allowing.refusal("http://partner-relay/hook")).isEmpty();
        assertThat(allowing.refusal("hooks.internal", InetAddress.getByName("10.9.9.9")))
                .isEmpty();
        assertThat(allowing.refusal("chat.example", InetAddress.getByName("10.20.0.1")))
                .isEmpty();

        assertThat(allowing.refusal("http://10.21.0.1/hook")).isPresent();
        assertThat(allowing.refusal("http://127.0.0.2/hook")).isPresent();
        assertThat(allowing.refusal("chat.example", InetAddress.getByName("10.9.9.9")))
                .isPresent();
        assertThat(allowing.refusal("http://user:pw@10.20.3.4/hook")).contains("carries a user name or password");
        assertThat(allowing.refusal("ftp://hooks.internal/hook")).contains("is not an http or https URL");
    }

    @Test
    void aMalformedAllowedNetworkStopsTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> new WebhookDestinations(new WebhookProperties(List.of(), List.of("intranet"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CARAVAN_WEBHOOKS_ALLOWED_NETWORKS");
        assertThatThrownBy(() -> new WebhookDestinations(new WebhookProperties(List.of(), List.of("10.0.0.0/33"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void networksMatchOnTheirPrefixOnly() throws UnknownHostException {
        Network tenEight = Network.parse("10.0.0.0/8");
        assertThat(tenEight.contains(InetAddress.getByName("10.255.255.255"))).isTrue();
        assertThat(tenEight.contains(InetAddress.getByName("11.0.0.0"))).isFalse();
        assertThat(tenEight.contains(InetAddress.getByName("::ffff:10.0.0.1"))).isTrue();
        Network ula = Network.parse("fc00::/7");
        assertThat(ula.contains(InetAddress.getByName("fdff::1"))).isTrue();
        assertThat(ula.contains(InetAddress.getByName("fe00::1"))).isFalse();
        assertThat(ula.contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(Network.parse("::ffff:0:0/96").toString()).isEqualTo("0:0:0:0:0:ffff:0:0/96");
    }
}
