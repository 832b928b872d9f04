package org.caravan.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class ReplicasByAddressTests {

    private static final URI VOLUNTEERS = URI.create("http://volunteer-service:8080");

    @Test
    void eachAddressOfTheNameIsOneReplicaOnTheConfiguredPort() throws Exception {
        List<ServiceInstance> replicas = replicasWhenTheNameResolvesTo("10.0.3.7", "10.0.3.9");

        assertThat(replicas)
                .extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://10.0.3.7:8080"), URI.create("http://10.0.3.9:8080"));
        assertThat(replicas).extracting(ServiceInstance::getServiceId).containsOnly("volunteer-service");
        assertThat(replicas).extracting(ServiceInstance::getInstanceId).doesNotHaveDuplicates();
    }

    @Test
    void anIpv6ReplicaHasAnAddressUsableInAUri() throws Exception {
        List<ServiceInstance> replicas = replicasWhenTheNameResolvesTo("fd00::17");

        assertThat(replicas)
                .extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://[fd00:0:0:0:0:0:0:17]:8080"));
    }

    @Test
    void aNameWithoutAddressesIsNoReplicaNotAnError() {
        ReplicasByAddress replicas = new ReplicasByAddress("volunteer-service", VOLUNTEERS, host -> {
            throw new UnknownHostException(host);
        });

        assertThat(replicas.get().blockFirst()).isEmpty();
    }

    @Test
    void anHttpsUriWithoutPortIsASecureReplicaOn443() throws Exception {
        ReplicasByAddress replicas = new ReplicasByAddress(
                "event-service", URI.create("https://events.example"), host -> List.of(address("10.0.3.8")));

        assertThat(replicas.get().blockFirst()).singleElement().satisfies(replica -> {
            assertThat(replica.isSecure()).isTrue();
            assertThat(replica.getPort()).isEqualTo(443);
        });
    }

    private static List<ServiceInstance> replicasWhenTheNameResolvesTo(String... addresses) {
        List<InetAddress> resolved = java.util.Arrays.stream(addresses)
                .map(ReplicasByAddressTests::address)
                .toList();
        return new ReplicasByAddress("volunteer-service", VOLUNTEERS, host -> {
                    assertThat(host).isEqualTo("volunteer-service");
                    return resolved;
                })
                .get()
                .blockFirst();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
