package org.caravan.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.caravan.gateway.routing.RouteTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP servers standing in for the four services: each answers any request with what it received (its own
 * name and address, method, path, query, Authorization, Cookie and traceparent headers, body size) as JSON;
 * {@code /api/inbox/stream} sends two server-sent events 1.5 s apart; {@code /actuator/health/readiness} answers 200
 * while the replica is ready. volunteer-service runs as two replicas on one port of two loopback addresses, under
 * the host name {@link #VOLUNTEER_REPLICAS}, as docker-compose's name of a service scaled to two.
 */
final class Backends {

    static final long STREAM_PAUSE_MILLIS = 1_500;
    /** A path whose replica closes the connection instead of answering. */
    /** Longer than the tests' readiness check timeout (200 ms). */
    private static final Duration LATE_READINESS = Duration.ofSeconds(1);

    static final String STOPPING_REPLICA = "/api/visits/at-a-stopping-replica";
    /** The name both volunteer-service replicas answer under ({@link #addressesOf}). */
    static final String VOLUNTEER_REPLICAS = "volunteer-service.replicas.test";

    private static final List<String> VOLUNTEER_ADDRESSES = List.of("127.0.0.1", "127.0.0.2");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Map<RouteTable.Service, List<Replica>> servers;

    private Backends() {}

    static synchronized Map<RouteTable.Service, List<Replica>> started() {
        if (servers == null) {
            Map<RouteTable.Service, List<Replica>> all = new LinkedHashMap<>();
            for (RouteTable.Service service : RouteTable.Service.values()) {
                all.put(
                        service,
                        service == RouteTable.Service.VOLUNTEER
                                ? startVolunteerReplicas()
                                : List.of(new Replica(service, "127.0.0.1", 0)));
            }
            servers = all;
        }
        return servers;
    }

    static String uri(RouteTable.Service service) {
        String host = service == RouteTable.Service.VOLUNTEER ? VOLUNTEER_REPLICAS : "127.0.0.1";
        return "http://" + host + ":" + port(service);
    }

    /** Each replica's port, where its readiness endpoint answers too. */
    static int port(RouteTable.Service service) {
        return started().get(service).get(0).port;
    }

    /** The two volunteer-service replicas, by address. */
    static List<Replica> volunteerReplicas() {
        return started().get(RouteTable.Service.VOLUNTEER);
    }

    private static List<Replica> startVolunteerReplicas() {
        Replica first = new Replica(RouteTable.Service.VOLUNTEER, VOLUNTEER_ADDRESSES.get(0), 0);
        List<Replica> replicas = new ArrayList<>(List.of(first));
        for (String address : VOLUNTEER_ADDRESSES.subList(1, VOLUNTEER_ADDRESSES.size())) {
            replicas.add(new Replica(RouteTable.Service.VOLUNTEER, address, first.port));
        }
        return List.copyOf(replicas);
    }

    /** The test resolver: the volunteer replicas' name stands for their addresses, other names for their own. */
    static List<InetAddress> addressesOf(String host) throws UnknownHostException {
        if (host.equals(VOLUNTEER_REPLICAS)) {
            List<InetAddress> addresses = new ArrayList<>();
            for (String address : VOLUNTEER_ADDRESSES) {
                addresses.add(InetAddress.getByName(address));
            }
            return addresses;
        }
        return List.of(InetAddress.getAllByName(host));
    }

    /** One replica: it can say it is stopping, stop at once (as when killed), and start again on its address. */
    static final class Replica {

        private final RouteTable.Service service;
        private final String address;
        private final int port;
        private volatile boolean ready = true;
        private volatile boolean late = false;
        private HttpServer server;
        private ExecutorService executor;

        private Replica(RouteTable.Service service, String address, int port) {
            this.service = service;
            this.address = address;
            this.server = start(address, port);
            this.port = server.getAddress().getPort();
        }

        String address() {
            return address;
        }

        /** As a replica that begins a graceful stop: readiness answers 503, requests are still answered. */
        void refuseTraffic() {
            ready = false;
        }

        /** As a ready replica too busy to answer its readiness check within the gateway's check timeout. */
        void answerReadinessLate() {
            late = true;
        }

        /** Gone at once, as a killed replica: connections closed, new ones refused. */
        synchronized void kill() {
            server.stop(0);
            executor.shutdownNow();
        }

        /** Started again on the same address and port, ready. */
        synchronized void restart() {
            kill();
            server = start(address, port);
            ready = true;
            late = false;
        }

        private HttpServer start(String host, int onPort) {
            try {
                HttpServer created = HttpServer.create(new InetSocketAddress(host, onPort), 50);
                executor = Executors.newCachedThreadPool();
                created.setExecutor(executor);
                created.createContext("/", this::handle);
                created.start();
                return created;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/actuator/health/readiness")) {
                    if (late) {
                        Thread.sleep(LATE_READINESS.toMillis());
                    }
                    exchange.sendResponseHeaders(ready ? 200 : 503, -1);
                } else if (path.equals("/api/inbox/stream")) {
                    stream(exchange);
                } else if (path.equals(STOPPING_REPLICA)) {
                    // A replica stopped mid-request: the connection closes, no answer at all.
                    exchange.getRequestBody().readAllBytes();
                } else {
                    echo(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void echo(HttpExchange exchange) throws IOException {
            byte[] received = exchange.getRequestBody().readAllBytes();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("service", service.serviceName());
            answer.put("replica", address);
            answer.put("method", exchange.getRequestMethod());
            answer.put("path", exchange.getRequestURI().getRawPath());
            answer.put("query", exchange.getRequestURI().getRawQuery());
            answer.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            answer.put("cookie", exchange.getRequestHeaders().getFirst("Cookie"));
            answer.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
            answer.put("bodyBytes", received.length);
            byte[] body = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void stream(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        out.write(("event: inbox\ndata: first " + authorization + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(STREAM_PAUSE_MILLIS);
        out.write("event: inbox\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
