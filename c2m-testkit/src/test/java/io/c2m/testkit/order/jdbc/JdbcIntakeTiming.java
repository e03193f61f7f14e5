package io.c2m.testkit.order.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.JdbcStoreOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Times durable order intake through the JDBC store: one transaction per order (one thread, then
 * 8 threads) against {@code insertAll} batches of 1,000 orders in one transaction each, in the
 * same run, on PostgreSQL (fsync and synchronous commit on, as shipped; with and without the
 * driver's {@code reWriteBatchedInserts}) and on a file-backed H2. Not part of the suite (its name
 * does not end in Test); run it with
 *
 * <pre>
 * mvn -B -q -pl c2m-testkit -am test -Dtest=JdbcIntakeTiming -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Sizes: {@code -Dc2m.jdbc.single=2000} orders per one-per-transaction round, {@code
 * -Dc2m.jdbc.batched=30000} per batched round. Each round starts on empty tables; after a warm-up
 * round of a tenth of the size, each figure is the best of 3 rounds, the three kinds interleaved.
 */
class JdbcIntakeTiming {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final AtomicInteger ROUNDS = new AtomicInteger();
  /** Each figure is the best of this many rounds: the machine is shared, its noise one-sided. */
  private static final int ROUNDS_PER_FIGURE = 3;
  private final int single = Integer.getInteger("c2m.jdbc.single", 2000);
  private final int batched = Integer.getInteger("c2m.jdbc.batched", 30_000);

  @Test
  void intake() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("| database | one transaction per order, 1 thread | same, 8 threads | insertAll, "
        + "1,000 per transaction, 1 thread | batched / one per order (1 thread) |");
    lines.add("|---|---|---|---|---|");
    PostgresServer pg = PostgresServer.shared();
    lines.add(row("PostgreSQL 17.6", pg.url("")));
    lines.add(row("PostgreSQL 17.6, reWriteBatchedInserts=true",
        pg.url("reWriteBatchedInserts=true")));
    Path h2 = Files.createTempDirectory("c2m-h2-");
    lines.add(row("H2 2.3 (file)", "jdbc:h2:file:" + h2.resolve("orders")));
    System.out.println();
    System.out.println("JDBC order intake (orders/s), " + Runtime.getRuntime()
        .availableProcessors() + " cores, load " + String.format(Locale.ROOT, "%.1f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage()));
    lines.forEach(System.out::println);
  }

  private String row(String name, String url) throws Exception {
    timeSingle(url, single / 10, 1);
    timeBatched(url, batched / 10);
    double one = 0;
    double eight = 0;
    double many = 0;
    for (int round = 0; round < ROUNDS_PER_FIGURE; round++) {
      one = Math.max(one, timeSingle(url, single, 1));
      eight = Math.max(eight, timeSingle(url, single, 8));
      many = Math.max(many, timeBatched(url, batched));
    }
    return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %.0f× |", name, one, eight,
        many, many / one);
  }

  private static OrderStore fresh(String url) {
    return OrderStore.jdbc(url, new Properties(), JdbcStoreOptions.defaults()
        .withTablePrefix("bench" + ROUNDS.incrementAndGet() + "_").withIdleConnections(16));
  }

  private static Order order(int i) {
    return new Order(OrderId.of("order-" + i), ConsumerId.of("consumer-" + (i % 10_000)),
        DesignId.of("design-" + (i % 50)), 1 + i % 3, 29.9, T0.plusMillis(i),
        T0.plusSeconds(86_400 * 30L));
  }

  private static OrderEvent accepted(Order o) {
    return OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt(), "accepted");
  }

  /** Orders per second, one insert (one transaction) per order, from some threads. */
  private static double timeSingle(String url, int n, int threads) throws Exception {
    try (OrderStore s = fresh(url)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = t;
        done.add(pool.submit(() -> {
          for (int i = from; i < n; i += threads) {
            Order o = order(i);
            s.insert(o, accepted(o));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double rate = n / ((System.nanoTime() - start) / 1e9);
      pool.shutdown();
      assertEquals(n, s.size());
      return rate;
    }
  }

  /** Orders per second through insertAll, 1,000 orders per call (one transaction). */
  private static double timeBatched(String url, int n) {
    try (OrderStore s = fresh(url)) {
      List<Order> orders = new ArrayList<>(n);
      List<OrderEvent> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Order o = order(i);
        orders.add(o);
        events.add(accepted(o));
      }
      long start = System.nanoTime();
      for (int from = 0; from < n; from += 1000) {
        int to = Math.min(n, from + 1000);
        s.insertAll(orders.subList(from, to), events.subList(from, to));
      }
      double rate = n / ((System.nanoTime() - start) / 1e9);
      assertEquals(n, s.size());
      return rate;
    }
  }
}
