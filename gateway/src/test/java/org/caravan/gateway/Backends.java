package org.caravan.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.caravan.gateway.routing.RouteTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP servers standing in for the four services: each answers any request with what it received (its own
 * name, method, path, query, Authorization and Cookie headers, body size) as JSON; {@code /api/inbox/stream} sends
 * two server-sent events 1.5 s apart.
 */
final class Backends {

    static final long STREAM_PAUSE_MILLIS = 1_500;
    /** A path whose replica closes the connection instead of answering. */
    static final String STOPPING_REPLICA = "/api/visits/at-a-stopping-replica";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Map<RouteTable.Service, HttpServer> servers;

    private Backends() {}

    static synchronized Map<RouteTable.Service, HttpServer> started() {
        if (servers == null) {
            Map<RouteTable.Service, HttpServer> all = new LinkedHashMap<>();
            for (RouteTable.Service service : RouteTable.Service.values()) {
                all.put(service, start(service));
            }
            servers = all;
        }
        return servers;
    }

    static String uri(RouteTable.Service service) {
        return "http://127.0.0.1:" + started().get(service).getAddress().getPort();
    }

    private static HttpServer start(RouteTable.Service service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (exchange.getRequestURI().getPath().equals("/api/inbox/stream")) {
                        stream(exchange);
                    } else if (exchange.getRequestURI().getPath().equals(STOPPING_REPLICA)) {
                        // A replica stopped mid-request: the connection closes, no answer at all.
                        exchange.getRequestBody().readAllBytes();
                    } else {
                        echo(service, exchange);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void echo(RouteTable.Service service, HttpExchange exchange) throws IOException {
        byte[] received = exchange.getRequestBody().readAllBytes();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service", service.serviceName());
        answer.put("method", exchange.getRequestMethod());
        answer.put("path", exchange.getRequestURI().getRawPath());
        answer.put("query", exchange.getRequestURI().getRawQuery());
        answer.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        answer.put("cookie", exchange.getRequestHeaders().getFirst("Cookie"));
        answer.put("bodyBytes", received.length);
        byte[] body = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
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
