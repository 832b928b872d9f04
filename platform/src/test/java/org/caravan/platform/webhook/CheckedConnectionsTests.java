package org.caravan.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The connection's own check, with a real listener on loopback: a client resolving through {@link
 * WebhookDestinations#resolverGroup()} never even opens a connection to a refused address, however the URL writes
 * it (an IP, a name that resolves to it, the IPv4-mapped form), and does reach it once the operator allows it.
 */
class CheckedConnectionsTests {

    private Listener listener;

    @BeforeEach
    void listen() throws IOException {
        listener = new Listener();
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    @Test
    void aLoopbackListenerHearsNothingWhenLoopbackIsNotAllowed() {
        assertRefused(WebhookDestinations.withoutAllowList(), "http://127.0.0.1:" + listener.port() + "/hook");

        assertThat(listener.connections()).isZero();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedWhenConnectingWithoutBeingCheckedBefore() {
        assertThatThrownBy(
                        () -> post(WebhookDestinations.withoutAllowList(), "http://localhost:" + listener.port() + "/"))
                .satisfies(failure -> assertThat(RefusedDestinationException.in(failure))
                        .hasValueSatisfying(refused -> assertThat(refused.getMessage())
                                .startsWith("localhost resolves to ")
                                .contains("a loopback address")));

        assertThat(listener.connections()).isZero();
    }

    @Test
    void theIpv4MappedFormOfLoopbackIsRefusedToo() {
        assertRefused(WebhookDestinations.withoutAllowList(), "http://[::ffff:127.0.0.1]:" + listener.port() + "/");

        assertThat(listener.connections()).isZero();
    }

    @Test
    void anAllowedNetworkIsReached() {
        WebhookDestinations allowing =
                new WebhookDestinations(new WebhookProperties(List.of(), List.of("127.0.0.1/32")));

        assertThat(post(allowing, "http://127.0.0.1:" + listener.port() + "/hook"))
                .isEqualTo(204);
        assertThat(listener.connections()).isEqualTo(1);
        assertThat(listener.requestLines()).containsExactly("POST /hook HTTP/1.1");
    }

    @Test
    void anAllowedHostIsReachedWhateverItResolvesTo() {
        WebhookDestinations allowing = new WebhookDestinations(new WebhookProperties(List.of("localhost"), List.of()));

        assertThat(post(allowing, "http://localhost:" + listener.port() + "/hook"))
                .isEqualTo(204);
        assertThat(listener.requestLines()).containsExactly("POST /hook HTTP/1.1");
    }

    @Test
    void allowingOneLoopbackAddressAllowsNoOther() throws IOException {
        WebhookDestinations allowing =
                new WebhookDestinations(new WebhookProperties(List.of(), List.of("127.0.0.1/32")));
        try (Listener other = new Listener(InetAddress.getByName("127.0.0.2"))) {
            assertRefused(allowing, "http://127.0.0.2:" + other.port() + "/hook");
            assertThat(other.connections()).isZero();
        }
    }

    private static void assertRefused(WebhookDestinations destinations, String url) {
        assertThatThrownBy(() -> post(destinations, url)).satisfies(failure -> assertThat(
                        RefusedDestinationException.in(failure))
                .hasValueSatisfying(refused -> assertThat(refused.getMessage()).contains("a loopback address")));
    }

    /** Posts as notification-service's webhook channel does: through the checking resolution, no redirects. */
    private static int post(WebhookDestinations destinations, String url) {
        return HttpClient.newConnection()
                .resolver(destinations.resolverGroup())
                .followRedirect(false)
                .post()
                .uri(url)
                .send(Mono.empty())
                .response()
                .map(response -> response.status().code())
                .block(Duration.ofSeconds(10));
    }

    /** A TCP listener that counts every connection it accepts and answers each HTTP request 204. */
    private static final class Listener implements AutoCloseable {

        private final ServerSocket server;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> requestLines = new java.util.concurrent.CopyOnWriteArrayList<>();

        Listener() throws IOException {
            this(InetAddress.getByName("127.0.0.1"));
        }

        Listener(InetAddress address) throws IOException {
            server = new ServerSocket(0, 50, address);
            Thread accepting = new Thread(this::accept, "loopback-listener");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        List<String> requestLines() {
            return requestLines;
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    String requestLine = in.readLine();
                    if (requestLine != null) {
                        requestLines.add(requestLine);
                    }
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        // headers are not needed here
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(
                            "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    // the listener was closed, or a client went away
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
