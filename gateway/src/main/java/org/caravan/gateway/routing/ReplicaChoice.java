package org.caravan.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.caravan.gateway.GatewayProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How Spring Cloud LoadBalancer finds one service's replicas, in the child context it makes per service (so not a
 * {@code @Configuration} the component scan would pick up): the replicas its host name resolves to
 * ({@link ReplicasByAddress}), and, where the service's readiness port is configured, only those whose readiness
 * answers 200 there, or, when none does, those that did not say they refuse traffic ({@link ReadyOrAll}). A replica that begins to stop says so on
 * its readiness endpoint at once (Spring Boot turns it to refusing traffic as the context starts to close) and goes
 * on serving for the platform's shutdown drain, so the gateway stops choosing it before it stops accepting requests.
 */
class ReplicaChoice {

    @Bean
    ServiceInstanceListSupplier replicas(
            Environment environment,
            GatewayProperties properties,
            ReplicaAddresses addresses,
            ReadinessProbe probe,
            ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers) {
        String serviceId = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        RouteTable.Service service = RouteTable.Service.named(serviceId);
        URI uri = service.uri(properties.routes());
        ReplicasByAddress byAddress = new ReplicasByAddress(serviceId, uri, addresses);
        Integer readinessPort = service.readinessPort(properties.routes());
        if (readinessPort == null) {
            return byAddress;
        }
        Map<String, Boolean> refusing = new ConcurrentHashMap<>();
        return new ReadyOrAll(
                new HealthCheckServiceInstanceListSupplier(
                        byAddress, loadBalancers, ready(probe, uri.getScheme(), readinessPort, refusing)),
                byAddress::lastResolved,
                refusing);
    }

    /**
     * The ready replicas; when none answered its last readiness check with 200 in time, the replicas whose check was
     * only late (a busy replica, a slow broker in its readiness): that must not leave the service with no replica at
     * all. A replica that said it is stopping (503) or refused the connection is left out of those, or a busy machine
     * would send requests to a replica in the middle of its stop. Only when every replica refused are all used. A
     * replica that is really gone then costs a refused connection, and the request goes on to the next.
     */
    static final class ReadyOrAll implements ServiceInstanceListSupplier, InitializingBean, DisposableBean {

        private final HealthCheckServiceInstanceListSupplier ready;
        private final Supplier<List<ServiceInstance>> all;
        private final Map<String, Boolean> refusing;

        ReadyOrAll(
                HealthCheckServiceInstanceListSupplier ready,
                Supplier<List<ServiceInstance>> all,
                Map<String, Boolean> refusing) {
            this.ready = ready;
            this.all = all;
            this.refusing = refusing;
        }

        @Override
        public String getServiceId() {
            return ready.getServiceId();
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return ready.get().map(replicas -> replicas.isEmpty() ? notRefusing() : replicas);
        }

        private List<ServiceInstance> notRefusing() {
            List<ServiceInstance> every = all.get();
            List<ServiceInstance> late = every.stream()
                    .filter(replica -> !refusing.getOrDefault(key(replica), false))
                    .toList();
            return late.isEmpty() ? every : late;
        }

        @Override
        public void afterPropertiesSet() {
            ready.afterPropertiesSet();
        }

        @Override
        public void destroy() {
            ready.destroy();
        }
    }

    /**
     * Alive means the replica's readiness endpoint (at {@code path} on its readiness port) answers 200 in time; each
     * answer also notes in {@code refusing} whether the replica said it is not ready, rather than only being late.
     */
    static BiFunction<ServiceInstance, String, Mono<Boolean>> ready(
            ReadinessProbe probe, String scheme, int port, Map<String, Boolean> refusing) {
        return (instance, path) -> probe.check(ReadinessProbe.uri(scheme, instance.getHost(), port, path))
                .doOnNext(answer -> refusing.put(key(instance), answer.refused()))
                .map(ReadinessProbe.Answer::ready);
    }

    private static String key(ServiceInstance replica) {
        return replica.getHost() + ":" + replica.getPort();
    }
}
