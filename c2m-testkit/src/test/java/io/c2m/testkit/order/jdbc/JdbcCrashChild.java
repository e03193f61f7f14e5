package io.c2m.testkit.order.jdbc;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link JdbcCrashTest}: opens the JDBC store at the URL {@code args[0]}, reads
 * lines of order numbers from standard input and, on four threads, stores them, printing one
 * acknowledgement per order only after the store returned (its transaction committed):
 * <ul>
 *   <li>{@code N}: one order, {@code insert}: {@code A <id> <INSERTED|DUPLICATE|CONFLICT>};
 *   <li>{@code N,M,...}: several in one {@code insertAll} (one transaction), one line each.
 * </ul>
 * The parent kills it with SIGKILL at random moments.
 */
public final class JdbcCrashChild {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private JdbcCrashChild() {}

  /** The order of number {@code n}: the parent builds the same to check what is stored. */
  static Order order(int n) {
    Instant t = T0.plusSeconds(n);
    return new Order(OrderId.of("o" + n), ConsumerId.of("c" + n % 97), DesignId.of("d" + n % 3),
        1 + n % 4, 10 + n % 5, t, t.plusSeconds(86_400));
  }

  static OrderStore open(String url, String prefix) {
    return OrderStore.jdbc(url, new java.util.Properties(),
        io.c2m.order.JdbcStoreOptions.defaults().withTablePrefix(prefix));
  }

  /**
   * Runs the child.
   *
   * @param args the JDBC URL and the table prefix
   * @throws Exception if anything fails (the parent sees the exit code)
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (OrderStore store = open(args[0], args[1]);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      out.println("READY");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String l = line;
        pool.submit(() -> {
          List<Order> orders = new ArrayList<>();
          List<OrderEvent> events = new ArrayList<>();
          for (String n : l.split(",")) {
            Order o = order(Integer.parseInt(n.trim()));
            orders.add(o);
            events.add(OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt(), "accepted"));
          }
          List<OrderStore.Insertion> done = orders.size() == 1
              ? List.of(store.insert(orders.get(0), events.get(0)))
              : store.insertAll(orders, events);
          StringBuilder acks = new StringBuilder();
          for (int i = 0; i < orders.size(); i++) {
            acks.append("A ").append(orders.get(i).id()).append(' ')
                .append(done.get(i).outcome()).append('\n');
          }
          synchronized (out) {
            out.print(acks);
            out.flush();
          }
          return null;
        });
      }
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}
