package io.c2m.examples.bench;

import io.c2m.OrderId;
import io.c2m.order.Order;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory order intake per CPU-second of the inserting thread (issue 10 part 9, "≥ 2 M
 * orders/s on one core"), the same work as {@link OrderIntakeBenchmark} (100,000 new orders into
 * an empty store per round, against {@link ConcurrentHashMap#putIfAbsent}), but timed by the
 * thread's CPU clock, so a loaded machine (other processes taking the cores) does not hide the
 * speed of one core. Alternates the two, prints the median of each and the ratio.
 *
 * <pre>
 * java -Xmx2g -cp c2m-examples/target/c2m.jar io.c2m.examples.bench.OrderIntakeCpu [ROUNDS=60]
 * </pre>
 */
public final class OrderIntakeCpu {
  private OrderIntakeCpu() {}

  /**
   * Runs.
   *
   * @param args rounds
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    OrderIntakeBenchmark b = new OrderIntakeBenchmark();
    b.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] store = new double[rounds];
    double[] map = new double[rounds];
    long sink = 0;
    for (int warm = 0; warm < 30; warm++) {
      sink += b.inMemory() + b.baselineMap();
    }
    for (int r = 0; r < rounds; r++) {
      long t = mx.getCurrentThreadCpuTime();
      sink += b.inMemory();
      store[r] = OrderIntakeBenchmark.ORDERS / ((mx.getCurrentThreadCpuTime() - t) / 1e9);
      t = mx.getCurrentThreadCpuTime();
      ConcurrentHashMap<OrderId, Order> m = new ConcurrentHashMap<>();
      for (Order o : b.orders) {
        m.putIfAbsent(o.id(), o);
      }
      sink += m.size();
      map[r] = OrderIntakeBenchmark.ORDERS / ((mx.getCurrentThreadCpuTime() - t) / 1e9);
    }
    Arrays.sort(store);
    Arrays.sort(map);
    System.out.printf("in-memory store: %.2f M orders per CPU-second (median of %d; quartiles "
        + "%.2f-%.2f)%nConcurrentHashMap.putIfAbsent baseline: %.2f M/s (%.2f-%.2f)%n"
        + "ratio store/baseline: %.2f (check %d)%n", store[rounds / 2] / 1e6, rounds,
        store[rounds / 4] / 1e6, store[3 * rounds / 4] / 1e6, map[rounds / 2] / 1e6,
        map[rounds / 4] / 1e6, map[3 * rounds / 4] / 1e6, store[rounds / 2] / map[rounds / 2],
        sink % 7);
  }
}
