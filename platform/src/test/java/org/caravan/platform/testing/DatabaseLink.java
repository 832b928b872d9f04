package org.caravan.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between a service and its real PostgreSQL that a test can cut: every open connection is closed and
 * new ones are refused, as when the database server stops, until the link is restored on the same port. It lets
 * one test take the database away from one service without stopping the server the JVM's other tests share.
 */
public final class DatabaseLink implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    private DatabaseLink(InetSocketAddress target) {
        this.target = target;
        this.listening = bind(0);
        this.port = listening.getLocalPort();
        accept(listening);
    }

    /** A link on a free loopback port to the database server at the host and port. */
    public static DatabaseLink to(String host, int port) {
        return new DatabaseLink(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Closes every connection through the link and refuses new ones. */
    public synchronized void cut() {
        try {
            listening.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        open.forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    /** Takes connections again, on the same port. */
    public synchronized void restore() {
        if (listening.isClosed()) {
            listening = bind(port);
            accept(listening);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket server) {
        daemon("database-link-" + port, () -> {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    continue;
                }
                Socket database = new Socket();
                try {
                    database.connect(target, 5_000);
                    open.add(client);
                    open.add(database);
                    pipe(client, database);
                    pipe(database, client);
                } catch (IOException refused) {
                    // The server refused: the client sees its connection end.
                    closeQuietly(client);
                    closeQuietly(database);
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        daemon("database-link-pipe", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException ended) {
                // One side closed or was cut.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is asked.
        }
    }
}
