package org.caravan.gateway.routing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A service's replicas: one per address its configured host resolves to, on the configured port. Asked again
 * every time the list is refetched, so a replica that started or stopped is seen; a name that resolves to nothing
 * (every replica gone) is an empty list, never an error that would end the list's updates.
 */
final class ReplicasByAddress implements ServiceInstanceListSupplier {

    private static final Logger log = LoggerFactory.getLogger(ReplicasByAddress.class);

    private final String serviceId;
    private final URI uri;
    private final ReplicaAddresses addresses;
    private final AtomicReference<List<ServiceInstance>> lastResolved = new AtomicReference<>(List.of());

    ReplicasByAddress(String serviceId, URI uri, ReplicaAddresses addresses) {
        this.serviceId = serviceId;
        this.uri = uri;
        this.addresses = addresses;
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Mono.fromCallable(this::resolve)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(UnknownHostException.class, e -> {
                    log.warn("No replica of {}: {} resolves to no address", serviceId, uri.getHost());
                    return Mono.just(List.of());
                })
                .flux();
    }

    /** The replicas found when last asked (none before the first time, or when the name resolved to nothing). */
    List<ServiceInstance> lastResolved() {
        return lastResolved.get();
    }

    List<ServiceInstance> resolve() throws UnknownHostException {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        List<ServiceInstance> replicas = List.of();
        try {
            replicas = addresses.of(uri.getHost()).stream()
                    .map(address -> (ServiceInstance) new DefaultServiceInstance(
                            hostOf(address) + ":" + port, serviceId, hostOf(address), port, secure))
                    .distinct()
                    .toList();
            return replicas;
        } finally {
            lastResolved.set(replicas);
        }
    }

    private static String hostOf(InetAddress address) {
        String host = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + host + "]" : host;
    }
}
