package io.c2m.examples.bench;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.JournalOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the recovery of a journal of many orders (issue 10 part 9: 10,000,000 orders in at most
 * 10 s). A timed command rather than JMH: one recovery of 10 M orders takes seconds and gigabytes.
 *
 * <pre>
 * java -Xmx12g -cp c2m-benchmarks/target/benchmarks.jar io.c2m.examples.bench.JournalRecoveryTimer \
 *   DIR [ORDERS=10000000] [RUNS=3] [RECOVERY_THREADS]
 * </pre>
 *
 * <p>If {@code DIR} holds no journal, it first writes one: ORDERS orders through the store (group
 * commit, batches of 1,000, fsync off to save the disk's time: recovery reads the same bytes), a
 * tenth of them then cancelled, so the journal holds a snapshot and a log tail as in service. Then
 * it opens the journal RUNS times and prints, for each opening, the wall time, the CPU time of the
 * opening thread and of the process (collector and JIT included), the time in collections, the
 * heap live with the store open (after a full collection), the load average, and the CPU time of
 * 1,000,000 look-ups by id ({@code find}) on the recovered store. Only the public API is used,
 * so the class also times older builds ({@code -cp timer-classes:old-benchmarks.jar}); then give
 * no RECOVERY_THREADS (older builds have no such option).
 */
public final class JournalRecoveryTimer {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private JournalRecoveryTimer() {}

  private static long gcMillis() {
    long ms = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Runs.
   *
   * @param args directory, orders, runs
   */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    if (!Files.exists(dir.resolve("journal.lock"))) {
      long t = System.nanoTime();
      write(dir, orders);
      System.out.printf("wrote %,d orders in %.1f s%n", orders, (System.nanoTime() - t) / 1e9);
    }
    JournalOptions options = JournalOptions.defaults();
    if (args.length > 3) {
      options = options.withRecoveryThreads(Integer.parseInt(args[3]));
    }
    for (int r = 0; r < runs; r++) {
      System.gc();
      double load0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          .getSystemLoadAverage();
      long t = System.nanoTime();
      long cpu0 = processCpu();
      long thread0 = THREADS.getCurrentThreadCpuTime();
      long gc0 = gcMillis();
      long n;
      long live;
      double findSec;
      long found = 0;
      double sec;
      double cpu;
      double thread;
      double gc;
      try (OrderStore s = OrderStore.journal(dir, options)) {
        n = s.size();
        sec = (System.nanoTime() - t) / 1e9;
        cpu = (processCpu() - cpu0) / 1e9;
        thread = (THREADS.getCurrentThreadCpuTime() - thread0) / 1e9;
        gc = (gcMillis() - gc0) / 1e3;
        System.gc();
        live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long f0 = THREADS.getCurrentThreadCpuTime();
        java.util.SplittableRandom random = new java.util.SplittableRandom(r);
        for (int i = 0; i < 1_000_000; i++) {
          if (s.find(OrderId.of("order-" + random.nextInt(Math.max(1, orders)))).isPresent()) {
            found++;
          }
        }
        findSec = (THREADS.getCurrentThreadCpuTime() - f0) / 1e9;
      }
      long files = 0;
      try (var list = Files.list(dir)) {
        files = list.mapToLong(p -> p.toFile().length()).sum();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      double load1 = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          .getSystemLoadAverage();
      System.out.printf("recovered %,d orders in %.2f s wall, %.2f s CPU of the opening thread, "
          + "%.2f s CPU of the process (GC and JIT included), %.2f s in collections, %,d bytes "
          + "on disk, heap live %,d MB; 1,000,000 finds (%,d found) %.2f s CPU; load %.1f to "
          + "%.1f%n", n, sec, thread, cpu, gc, files, live >> 20, found, findSec, load0, load1);
    }
  }

  private static void write(Path dir, int orders) {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    try (OrderStore s = OrderStore.journal(dir, JournalOptions.defaults().withFsync(false))) {
      for (int from = 0; from < orders; from += 1000) {
        List<Order> os = new ArrayList<>(1000);
        List<OrderEvent> acc = new ArrayList<>(1000);
        for (int i = from; i < Math.min(orders, from + 1000); i++) {
          Instant t = t0.plusSeconds(i % 10_000_000);
          Order o = new Order(OrderId.of("order-" + i), ConsumerId.of("c" + i % 1_000_000),
              DesignId.of("d" + i % 500), 1 + i % 5, 30, t, t.plusSeconds(7 * 86_400));
          os.add(o);
          acc.add(OrderEvent.accepted(o.id(), OrderState.PLACED, t, "accepted"));
        }
        s.insertAll(os, acc);
      }
      List<OrderEvent> cancels = new ArrayList<>();
      for (int i = 0; i < orders; i += 10) {
        cancels.add(new OrderEvent(OrderId.of("order-" + i), OrderState.PLACED,
            OrderState.CANCELLED, t0.plusSeconds(20_000_000), "consumer cancelled"));
        if (cancels.size() == 1000) {
          s.commit(new io.c2m.order.OrderChange(cancels, List.of()));
          cancels.clear();
        }
      }
      if (!cancels.isEmpty()) {
        s.commit(new io.c2m.order.OrderChange(cancels, List.of()));
      }
    }
  }
}
