package io.c2m.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) in this JVM, listening on
 * 127.0.0.1 only, on free ports, with its log in a temporary directory: formatted with Kafka's
 * {@code StorageTool} and started as a {@code KafkaRaftServer}. Kafka's own test kit is not used:
 * it listens on every interface.
 */
final class EmbeddedBroker implements AutoCloseable {
  private final Path dir;
  private final KafkaRaftServer server;
  private final String bootstrap;

  private EmbeddedBroker(Path dir, KafkaRaftServer server, String bootstrap) {
    this.dir = dir;
    this.server = server;
    this.bootstrap = bootstrap;
  }

  /**
   * Formats and starts a broker.
   *
   * @param partitions the default number of partitions of a new topic
   * @param features feature levels to format with, such as {@code transaction.version=1}
   * @return the running broker
   * @throws IllegalStateException if it cannot be formatted or started, with the reason
   */
  static EmbeddedBroker start(int partitions, String... features) {
    Path dir;
    try {
      dir = Files.createTempDirectory("c2m-kraft");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int brokerPort = freePort();
    int controllerPort = freePort();
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.put("listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", dir.resolve("log").toString());
    p.put("num.partitions", Integer.toString(partitions));
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
    Path config = dir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      p.store(out, "c2m-streams integration test broker");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream formatOut = new ByteArrayOutputStream();
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
    for (String f : features) {
      args.add("--feature");
      args.add(f);
    }
    int rc = StorageTool.execute(args.toArray(new String[0]),
        new PrintStream(formatOut, true, StandardCharsets.UTF_8));
    if (rc != 0) {
      delete(dir);
      throw new IllegalStateException("StorageTool format failed (" + rc + "): "
          + formatOut.toString(StandardCharsets.UTF_8));
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      delete(dir);
      throw new IllegalStateException("The broker did not start: " + e, e);
    }
    return new EmbeddedBroker(dir, server, "127.0.0.1:" + brokerPort);
  }

  String bootstrapServers() {
    return bootstrap;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    delete(dir);
  }
}
