package io.c2m.examples.bench;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-memory order intake on one thread (issue 10 part 9): {@link OrderStore#inMemory()} inserting
 * 100,000 new orders with their acceptance events (each op starts from an empty store) against a
 * plain {@link ConcurrentHashMap#putIfAbsent} of the same orders by id, the least any idempotent
 * intake must do. {@code retries} inserts every order twice (the second a duplicate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class OrderIntakeBenchmark {
  static final int ORDERS = 100_000;
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  Order[] orders;
  OrderEvent[] accepted;

  /** Builds the orders once. */
  @Setup(Level.Trial)
  public void setUp() {
    orders = new Order[ORDERS];
    accepted = new OrderEvent[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      Instant t = T0.plusSeconds(i);
      orders[i] = new Order(OrderId.of("order-" + i), ConsumerId.of("c" + i % 20_000),
          DesignId.of("d" + i % 50), 1 + i % 5, 30, t, t.plusSeconds(7 * 86_400));
      accepted[i] = OrderEvent.accepted(orders[i].id(), OrderState.PLACED, t, "accepted");
    }
  }

  /**
   * Inserts every order into a new in-memory store.
   *
   * @return the store's size
   */
  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public long inMemory() {
    OrderStore s = OrderStore.inMemory();
    for (int i = 0; i < ORDERS; i++) {
      s.insert(orders[i], accepted[i]);
    }
    return s.size();
  }

  /**
   * Inserts every order twice into a new in-memory store: half the calls are retries.
   *
   * @return the store's size
   */
  @Benchmark
  @OperationsPerInvocation(2 * ORDERS)
  public long inMemoryWithRetries() {
    OrderStore s = OrderStore.inMemory();
    for (int i = 0; i < ORDERS; i++) {
      s.insert(orders[i], accepted[i]);
    }
    for (int i = 0; i < ORDERS; i++) {
      s.insert(orders[i], accepted[i]);
    }
    return s.size();
  }

  /**
   * The baseline: every order into a new {@link ConcurrentHashMap} by id.
   *
   * @return the map's size
   */
  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public long baselineMap() {
    ConcurrentHashMap<OrderId, Order> m = new ConcurrentHashMap<>();
    for (int i = 0; i < ORDERS; i++) {
      m.putIfAbsent(orders[i].id(), orders[i]);
    }
    return m.size();
  }
}
