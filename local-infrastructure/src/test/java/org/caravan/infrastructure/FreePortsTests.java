package org.caravan.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTests {

    private static final int FIRST_EPHEMERAL_PORT = 32_768;

    @Test
    void handsOutDistinctPortsBelowTheRangeOutgoingConnectionsUse() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(FreePorts.next());
        }
        assertThat(ports).hasSize(200).allSatisfy(port -> assertThat(port).isBetween(1_024, FIRST_EPHEMERAL_PORT - 1));
    }

    @Test
    void neverHandsOutAPortAServerListensOn() throws IOException {
        List<ServerSocket> servers = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        try {
            for (int port = 20_000; port < 32_000; port += 40) {
                ServerSocket server = new ServerSocket();
                servers.add(server);
                try {
                    server.bind(new InetSocketAddress(port));
                } catch (IOException inUseElsewhere) {
                    // Another process listens there: the port is just as unavailable.
                }
                taken.add(port);
            }
            for (int i = 0; i < 2_000; i++) {
                assertThat(FreePorts.next()).isNotIn(taken);
            }
        } finally {
            for (ServerSocket server : servers) {
                server.close();
            }
        }
    }
}
