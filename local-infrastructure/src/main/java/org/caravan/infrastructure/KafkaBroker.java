package org.caravan.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** A real Apache Kafka broker in KRaft mode, broker and controller in one node, run in this JVM. */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final Path logDirectory;
    private final int port;
    private final boolean durable;

    private KafkaBroker(KafkaRaftServer server, Path logDirectory, int port, boolean durable) {
        this.server = server;
        this.logDirectory = logDirectory;
        this.port = port;
        this.durable = durable;
    }

    /** Formats the folder on first use only, then starts; a durable broker keeps its data for the next run. */
    public static KafkaBroker start(Path logDirectory, int port, int controllerPort, boolean durable) {
        try {
            Files.createDirectories(logDirectory);
            KafkaConfig config = new KafkaConfig(properties(logDirectory, port, controllerPort));
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                format(config, logDirectory);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, logDirectory, port, durable);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Kafka in " + logDirectory, e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (!durable) {
            PostgresServer.deleteRecursively(logDirectory);
        }
    }

    private static void format(KafkaConfig config, Path logDirectory) throws Exception {
        new Formatter()
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDirectory.toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .run();
    }

    private static Properties properties(Path logDirectory, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1000");
        return p;
    }
}
