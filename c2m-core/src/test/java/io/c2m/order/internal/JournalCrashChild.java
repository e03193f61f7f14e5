package io.c2m.order.internal;

import io.c2m.OrderId;
import io.c2m.json.C2mJson;
import io.c2m.order.JournalOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link JournalCrashTest}: opens the journal in {@code args[0]} (fsync and group
 * commit on, small snapshots so kills also land in snapshots and segment cuts), reads lines from
 * standard input and, on four threads, stores them, printing one acknowledgement line per line
 * only after the store returned:
 * <ul>
 *   <li>an order as JSON: {@code A <id> <INSERTED|DUPLICATE|CONFLICT>};
 *   <li>{@code cancel <id>}: cancels a PLACED order, {@code C <id>}.
 * </ul>
 * The parent kills it with SIGKILL at random moments.
 */
public final class JournalCrashChild {
  private JournalCrashChild() {}

  /**
   * Runs the child.
   *
   * @param args the journal directory
   * @throws Exception if anything fails (the parent sees the exit code)
   */
  public static void main(String[] args) throws Exception {
    JournalOptions options = JournalOptions.defaults().withSnapshotBytes(64 << 10);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (OrderStore store = OrderStore.journal(Path.of(args[0]), options);
        BufferedReader in = new BufferedReader(
            new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      out.println("READY");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String l = line;
        pool.submit(() -> {
          String ack;
          if (l.startsWith("cancel ")) {
            String id = l.substring(7);
            store.commit(new OrderChange(List.of(new OrderEvent(OrderId.of(id),
                OrderState.PLACED, OrderState.CANCELLED, Instant.parse("2026-04-01T00:00:00Z"),
                "consumer cancelled")), List.of()));
            ack = "C " + id;
          } else {
            Order o = C2mJson.fromJson(l, Order.class);
            OrderStore.Insertion ins = store.insert(o,
                OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt(), "accepted"));
            ack = "A " + o.id() + " " + ins.outcome();
          }
          synchronized (out) {
            out.println(ack);
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
