package org.caravan.gateway.operations;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.caravan.gateway.GatewayProperties;
import org.caravan.gateway.operations.HealthReport.Replica;
import org.caravan.gateway.operations.HealthReport.State;
import org.caravan.gateway.routing.ReadinessProbe;
import org.caravan.gateway.routing.RouteTable;
import org.caravan.gateway.routing.ServiceReplicas;
import org.caravan.gateway.security.BackChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks every service's replicas and the provider at once, each within the replicas' check timeout, so that the
 * answer comes in about that time however many hang. The replicas are found and asked as the routes do
 * ({@link ServiceReplicas}, {@link ReadinessProbe}), but afresh: the page says what holds now, not at the load
 * balancer's last round.
 */
@Component
class HealthChecks {

    private static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT =
            new ParameterizedTypeReference<>() {};

    private final GatewayProperties properties;
    private final ServiceReplicas replicas;
    private final ReadinessProbe probe;
    private final Clock clock;
    private final String readinessPath;
    private final WebClient client = WebClient.create();

    HealthChecks(
            GatewayProperties properties,
            ServiceReplicas replicas,
            ReadinessProbe probe,
            Clock clock,
            @Value("${spring.cloud.loadbalancer.health-check.path.default:/actuator/health/readiness}")
                    String readinessPath) {
        this.properties = properties;
        this.replicas = replicas;
        this.probe = probe;
        this.clock = clock;
        this.readinessPath = readinessPath;
    }

    Mono<HealthReport> now() {
        return Mono.defer(() -> {
            Instant checkedAt = clock.instant();
            long start = System.nanoTime();
            Mono<List<HealthReport.Service>> services = Flux.fromArray(RouteTable.Service.values())
                    .flatMapSequential(this::service)
                    .collectList();
            return Mono.zip(services, provider())
                    .map(both -> new HealthReport(checkedAt, millisSince(start), both.getT1(), both.getT2()));
        });
    }

    private Mono<HealthReport.Service> service(RouteTable.Service service) {
        URI uri = service.uri(properties.routes());
        Integer readinessPort = service.readinessPort(properties.routes());
        return Mono.fromCallable(() -> replicas.resolve(service))
                .subscribeOn(Schedulers.boundedElastic())
                // A resolver that hangs must not hold the page up either.
                .timeout(probe.timeout())
                .flatMap(found -> Flux.fromIterable(found)
                        .flatMapSequential(replica -> replica(uri.getScheme(), replica, readinessPort))
                        .collectList())
                .map(checked -> {
                    State state = HealthReport.overall(checked);
                    return new HealthReport.Service(
                            service.serviceName(), uri.toString(), state, reason(state, checked), checked);
                })
                .onErrorResume(e -> Mono.just(new HealthReport.Service(
                        service.serviceName(), uri.toString(), State.DOWN, unresolved(uri, e), List.of())));
    }

    private Mono<Replica> replica(String scheme, ServiceInstance replica, Integer readinessPort) {
        String address = replica.getHost() + ":" + replica.getPort();
        if (readinessPort == null) {
            return Mono.just(new Replica(address, State.UNCHECKED, null, null));
        }
        return probe.check(ReadinessProbe.uri(scheme, replica.getHost(), readinessPort, readinessPath))
                .map(answer -> new Replica(
                        address,
                        answer.ready() ? State.UP : State.DOWN,
                        answer.reason(),
                        answer.took().toMillis()));
    }

    private static String reason(State state, List<Replica> checked) {
        return switch (state) {
            case UP -> null;
            case DOWN -> checked.isEmpty() ? "no replica" : "no replica is ready";
            case UNCHECKED -> "no readiness port configured";
        };
    }

    private String unresolved(URI uri, Throwable failure) {
        if (failure instanceof UnknownHostException) {
            return uri.getHost() + " resolves to no address";
        }
        if (failure instanceof TimeoutException) {
            return uri.getHost() + " not resolved within " + probe.timeout().toMillis() + " ms";
        }
        return String.valueOf(failure.getMessage());
    }

    /** Reachable where the gateway reaches it, and naming the issuer the gateway trusts. */
    private Mono<HealthReport.Provider> provider() {
        BackChannel provider = BackChannel.of(properties);
        URI discovery = provider.discovery();
        String issuer = properties.issuerUri().toString();
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return client.get()
                    .uri(discovery)
                    .header("Accept", "application/json")
                    .exchangeToMono(response -> response.statusCode().value() == 200
                            ? response.bodyToMono(DOCUMENT)
                                    .map(document -> provider.isIssuer(document.get("issuer"))
                                            ? ""
                                            : "names another issuer: " + document.get("issuer"))
                            : response.releaseBody()
                                    .thenReturn(
                                            "answered " + response.statusCode().value()))
                    .timeout(probe.timeout())
                    .onErrorResume(e -> Mono.just(probe.reasonFor(e)))
                    .map(problem -> new HealthReport.Provider(
                            issuer,
                            discovery.toString(),
                            problem.isEmpty() ? State.UP : State.DOWN,
                            problem.isEmpty() ? null : problem,
                            millisSince(start)));
        });
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
