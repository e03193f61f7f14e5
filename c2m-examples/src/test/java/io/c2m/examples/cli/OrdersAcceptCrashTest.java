package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c2m.order.BookedOrder;
import io.c2m.order.OrderStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 part 7 through the command line: a child JVM runs {@code c2m orders --store DIR
 * accept}, the test writes order lines (new orders and retries) to its standard input and reads
 * its acknowledgements, and kills it with SIGKILL at a seeded random moment; repeatedly. After
 * each kill the journal reopens with every acknowledged order present exactly once, as sent, and
 * no order that was never sent. 5 cycles in the suite; {@code -Dc2m.cli.crash.cycles=100} for the
 * long run:
 * {@code mvn -B -pl c2m-examples -am test -Dtest=OrdersAcceptCrashTest
 * -Dc2m.cli.crash.cycles=100 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OrdersAcceptCrashTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyAcknowledgedOrderSurvivesSigkillOfTheAcceptCommand(@TempDir Path dir)
      throws Exception {
    int cycles = Integer.getInteger("c2m.cli.crash.cycles", 5);
    Random random = new Random(Long.getLong("c2m.cli.crash.seed", 10L));
    Path store = dir.resolve("book");
    Path offers = dir.resolve("offers.jsonl");
    Files.writeString(offers, "{\"design\":\"d\",\"unitPrice\":5}\n");
    assertEquals(0, C2mCommand.run(new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()), "orders", "--store",
        store.toString(), "offer", offers.toString()));
    Map<String, Integer> acked = new HashMap<>();
    int next = 0;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int cycle = 0; cycle < cycles; cycle++) {
      Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), C2mCommand.class.getName(), "orders",
          "--store", store.toString(), "accept", "--now", "2026-03-02T10:00:00Z")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      // killed at a random moment after its first acknowledgement (JVM start-up varies)
      long killAfter = random.nextInt(1500);
      long deadline = Long.MAX_VALUE;
      int cycleStart = next;
      Thread writer = new Thread(() -> {
        try (OutputStream out = p.getOutputStream()) {
          Random r = new Random(cycleStart);
          for (int i = cycleStart; ; i++) {
            // a retry of an earlier order now and then: one order, never two
            int id = i > 0 && r.nextInt(10) == 0 ? r.nextInt(i) : i;
            out.write(line(id).getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        } catch (java.io.IOException killed) {
          // the child died: its standard input is closed
        }
      });
      writer.setDaemon(true);
      writer.start();
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String ack;
        while (System.nanoTime() < deadline && (ack = in.readLine()) != null) {
          if (deadline == Long.MAX_VALUE) {
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(killAfter);
          }
          JsonNode n = JSON.readTree(ack);
          String id = n.get("orderId").asText();
          String status = n.get("status").asText();
          assertTrue(status.equals("accepted") || status.equals("duplicate"), ack);
          acked.merge(id, status.equals("accepted") ? 1 : 0, Integer::sum);
        }
      }
      p.destroyForcibly(); // SIGKILL on Linux
      p.waitFor(30, TimeUnit.SECONDS);
      writer.join(5_000);
      next += 100_000; // new ids per cycle; retries may reach back into earlier cycles
      try (OrderStore reopened = OrderStore.journal(store)) {
        Map<String, Integer> stored = new HashMap<>();
        for (BookedOrder b : reopened.orders()) {
          stored.merge(b.order().id().value(), 1, Integer::sum);
          assertEquals(5.0, b.order().unitPrice());
          int n = Integer.parseInt(b.order().id().value().substring(1));
          assertTrue(n < next, "an order never sent is present: " + b.order().id());
        }
        for (Map.Entry<String, Integer> e : acked.entrySet()) {
          assertEquals(1, stored.getOrDefault(e.getKey(), 0),
              "acknowledged order " + e.getKey() + " present once after cycle " + cycle);
          assertTrue(e.getValue() <= 1, "accepted at most once: " + e.getKey());
        }
      }
    }
    assertTrue(acked.size() >= cycles, "the children acknowledged orders: " + acked.size());
  }

  private static String line(int id) {
    return "{\"id\":\"o" + id + "\",\"consumer\":\"c" + id + "\",\"design\":\"d\",\"quantity\":1,"
        + "\"unitPrice\":5,\"placedAt\":\"2026-03-02T09:00:00Z\","
        + "\"latestDelivery\":\"2026-04-01T00:00:00Z\"}\n";
  }
}
