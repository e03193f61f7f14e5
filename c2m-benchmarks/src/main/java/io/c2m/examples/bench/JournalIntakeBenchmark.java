package io.c2m.examples.bench;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.JournalOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable order intake into the journal store (issue 10 part 9), many submitting threads (run
 * with {@code -t 8}, {@code -t 16} or {@code -t 32}), every order acknowledged only after its
 * fsync. {@code commit=group} shares one fsync between everyone waiting (group commit); {@code
 * commit=perOrder} is the baseline, one write and one fsync per record under the lock. {@code
 * insertOne}: each call one order; {@code insertAll64}: each call a batch of 64 (an intake that
 * takes orders in bursts, as {@code c2m orders accept} reading lines). Scores are orders/s.
 *
 * <p>The journal lives in {@code -Dc2m.bench.dir} (default {@code java.io.tmpdir}), on the disk
 * to measure; it is deleted after each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class JournalIntakeBenchmark {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /** {@code group} (group commit) or {@code perOrder} (one fsync per record). */
  @Param({"group", "perOrder"})
  public String commit;

  Path dir;
  OrderStore store;
  final AtomicInteger threads = new AtomicInteger();

  /** Opens a new journal. */
  @Setup(Level.Trial)
  public void open() {
    try {
      Path root = Path.of(System.getProperty("c2m.bench.dir",
          System.getProperty("java.io.tmpdir")));
      dir = Files.createTempDirectory(root, "c2m-journal-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JournalOptions o = JournalOptions.defaults();
    if ("perOrder".equals(commit)) {
      o = o.withGroupCommit(false);
    } else if (!"group".equals(commit)) {
      throw new IllegalArgumentException("commit (" + commit + ") must be group or perOrder");
    }
    store = OrderStore.journal(dir, o);
  }

  /** Closes and deletes the journal. */
  @TearDown(Level.Trial)
  public void close() {
    store.close();
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One submitting thread's ids. */
  @State(Scope.Thread)
  public static class Submitter {
    int thread;
    int next;

    /**
     * Takes a thread number.
     *
     * @param b the benchmark
     */
    @Setup(Level.Trial)
    public void setUp(JournalIntakeBenchmark b) {
      thread = b.threads.getAndIncrement();
    }

    Order nextOrder() {
      int i = next++;
      Instant t = T0.plusSeconds(i);
      return new Order(OrderId.of("t" + thread + "-" + i), ConsumerId.of("c" + i % 20_000),
          DesignId.of("d" + i % 50), 1 + i % 5, 30, t, t.plusSeconds(7 * 86_400));
    }
  }

  private static OrderEvent accepted(Order o) {
    return OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt(), "accepted");
  }

  /**
   * One order per call.
   *
   * @param s the thread's ids
   * @return the insertion
   */
  @Benchmark
  public Object insertOne(Submitter s) {
    Order o = s.nextOrder();
    return store.insert(o, accepted(o));
  }

  /**
   * 64 orders per call.
   *
   * @param s the thread's ids
   * @return the insertions
   */
  @Benchmark
  @OperationsPerInvocation(64)
  public Object insertAll64(Submitter s) {
    List<Order> os = new ArrayList<>(64);
    List<OrderEvent> acc = new ArrayList<>(64);
    for (int i = 0; i < 64; i++) {
      Order o = s.nextOrder();
      os.add(o);
      acc.add(accepted(o));
    }
    return store.insertAll(os, acc);
  }
}
