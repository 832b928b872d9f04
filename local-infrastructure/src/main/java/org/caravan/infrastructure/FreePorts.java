package org.caravan.infrastructure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

public final class FreePorts {

    private FreePorts() {}

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on the loopback interface", e);
        }
    }
}
