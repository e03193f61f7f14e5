package io.c2m.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.json.C2mJson;
import io.c2m.order.BookedOrder;
import io.c2m.order.JournalOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 part 7: a child JVM ({@link JournalCrashChild}) storing orders and cancellations in a
 * journal is killed with SIGKILL at random moments (seeded), again and again; after each kill the
 * journal reopens and every acknowledged order is present exactly once, as sent, every
 * acknowledged cancellation holds, and nothing unacknowledged is half-present (an order present is
 * whole, as sent; an order never sent is absent), and while a child has the journal, this process
 * cannot open it (the file lock). 10 cycles here; {@code
 * -Dc2m.crash.cycles=100} for the long run (see BENCHMARKS.md).
 */
class JournalCrashTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir
  Path dir;

  private final Map<String, Order> sent = new ConcurrentHashMap<>();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelAcked = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelSent = ConcurrentHashMap.newKeySet();
  private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void acknowledgedOrdersSurviveSigkill() throws Exception {
    int cycles = Integer.getInteger("c2m.crash.cycles", 10);
    long seed = Long.getLong("c2m.crash.seed", 10L);
    Random random = new Random(seed);
    int next = 0;
    Set<String> seenBefore = new HashSet<>();
    for (int cycle = 0; cycle < cycles; cycle++) {
      next = runAndKill(random, next, cycle);
      seenBefore = check(seenBefore, cycle, seed);
    }
    assertEquals(List.of(), problems, "a retry with the same content was a conflict");
    assertTrue(acked.size() > cycles, "the children acknowledged orders: " + acked.size());
  }

  private int runAndKill(Random random, int first, int cycle) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), JournalCrashChild.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    CountDownLatch ready = new CountDownLatch(1);
    CountDownLatch someAcked = new CountDownLatch(1 + random.nextInt(200));
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          String[] f = line.split(" ");
          if (f[0].equals("READY")) {
            ready.countDown();
          } else if (f[0].equals("A")) {
            if (f[2].equals("CONFLICT")) {
              problems.add(line);
            }
            acked.add(f[1]);
            someAcked.countDown();
          } else if (f[0].equals("C")) {
            cancelAcked.add(f[1]);
          }
        }
      } catch (IOException e) {
        // the child was killed: its output ends
      }
    });
    reader.start();
    int[] counter = {first};
    Thread writer = new Thread(() -> {
      Random r = new Random(first);
      List<String> mine = new ArrayList<>();
      try (OutputStream out = p.getOutputStream()) {
        while (true) {
          StringBuilder batch = new StringBuilder();
          for (int k = 0; k < 50; k++) {
            int dice = r.nextInt(100);
            if (dice < 10 && !sent.isEmpty() && !mine.isEmpty()) {
              // a retry of an order sent earlier: same id, same content
              Order o = sent.get(mine.get(r.nextInt(mine.size())));
              batch.append(C2mJson.toJson(o)).append('\n');
            } else if (dice < 15 && !mine.isEmpty()) {
              String id = mine.get(r.nextInt(mine.size()));
              if (acked.contains(id) && cancelSent.add(id)) {
                batch.append("cancel ").append(id).append('\n');
              }
            } else {
              int i = counter[0]++;
              Order o = order(i);
              sent.put(o.id().value(), o);
              mine.add(o.id().value());
              batch.append(C2mJson.toJson(o)).append('\n');
            }
          }
          out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(2);
        }
      } catch (IOException | InterruptedException e) {
        // the child was killed
      }
    });
    assertTrue(ready.await(60, TimeUnit.SECONDS), "the child started (cycle " + cycle + ")");
    writer.start();
    if (cycle == 0) {
      // the file lock keeps a second process out while the child has the journal
      IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalStateException.class, () -> OrderStore.journal(dir, JournalOptions.defaults()));
      assertTrue(e.getMessage().contains("one writer"), e.getMessage());
    }
    someAcked.await(30, TimeUnit.SECONDS);
    Thread.sleep(random.nextInt(50));
    p.destroyForcibly(); // SIGKILL on Linux
    p.waitFor(30, TimeUnit.SECONDS);
    writer.interrupt();
    writer.join(10_000);
    reader.join(10_000);
    return counter[0];
  }

  static Order order(int i) {
    Instant t = T0.plusSeconds(i);
    return new Order(OrderId.of("o" + i), ConsumerId.of("c" + (i % 97)),
        DesignId.of("d" + (i % 3)), 1 + i % 7, 30, t, t.plusSeconds(7 * 86_400));
  }

  private Set<String> check(Set<String> seenBefore, int cycle, long seed) {
    String where = " (cycle " + cycle + ", seed " + seed + ")";
    try (OrderStore s = OrderStore.journal(dir, JournalOptions.defaults())) {
      List<BookedOrder> all = s.orders();
      Map<String, BookedOrder> byId = new HashMap<>();
      for (BookedOrder b : all) {
        String id = b.order().id().value();
        assertTrue(byId.put(id, b) == null, "order " + id + " stored twice" + where);
        Order expected = sent.get(id);
        assertTrue(expected != null, "order " + id + " was never sent" + where);
        assertEquals(expected, b.order(), "order " + id + " is stored as sent" + where);
        List<OrderEvent> h = s.history(b.order().id());
        assertTrue(h.get(0).isAcceptance(), where);
        assertEquals(b.state(), h.get(h.size() - 1).to(), where);
        if (b.state() == OrderState.CANCELLED) {
          assertTrue(cancelSent.contains(id), "order " + id + " cancelled unasked" + where);
        }
      }
      for (String id : acked) {
        assertTrue(byId.containsKey(id), "acknowledged order " + id + " lost" + where);
      }
      for (String id : cancelAcked) {
        assertEquals(OrderState.CANCELLED, byId.get(id).state(),
            "acknowledged cancellation of " + id + " lost" + where);
      }
      for (String id : seenBefore) {
        assertTrue(byId.containsKey(id), "order " + id + " present before, lost" + where);
      }
      return byId.keySet();
    }
  }
}
