package io.c2m.order.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.ConsumerId;
import io.c2m.DesignId;
import io.c2m.OrderId;
import io.c2m.order.BookedOrder;
import io.c2m.order.JournalOptions;
import io.c2m.order.Order;
import io.c2m.order.OrderChange;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import io.c2m.order.OrderStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A journal reopened (its orders packed, {@link PackedOrders}) answers as an in-memory store given
 * the same random calls: inserts (new, resent, conflicting), cancellations of recovered and new
 * orders, snapshots and reopenings at random points, on 1 to 3 recovery threads.
 */
class JournalPackedRecoveryProperties {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static Order order(int i, int variant) {
    Instant t = T0.plusSeconds(i);
    return new Order(OrderId.of("o" + i), ConsumerId.of("c" + (i + variant) % 5),
        DesignId.of("d" + i % 2), 1 + i % 3, 10, t, t.plusSeconds(i % 2 * 86_400));
  }

  @Provide
  Arbitrary<List<Integer>> steps() {
    // 0..59: insert order n (variant by n's parity of 60s); 60..89: cancel; 90: snapshot;
    // 91: reopen
    return Arbitraries.integers().between(0, 91).list().ofMinSize(1).ofMaxSize(120);
  }

  @Property(tries = 25)
  void aReopenedJournalAnswersAsMemory(@ForAll("steps") List<Integer> steps,
      @ForAll("threads") int threads) throws IOException {
    Path dir = Files.createTempDirectory("c2m-packed");
    JournalOptions options = JournalOptions.defaults().withFsync(false)
        .withRecoveryThreads(threads);
    OrderStore mem = OrderStore.inMemory();
    JournalOrderStore j = JournalOrderStore.open(dir, options);
    try {
      int round = 0;
      for (int s : steps) {
        round++;
        if (s < 60) {
          int i = s % 30;
          Order o = order(i, s / 30);
          OrderEvent acc = OrderEvent.accepted(o.id(), OrderState.PLACED, o.placedAt(), "ok");
          assertEquals(mem.insert(o, acc), j.insert(o, acc));
        } else if (s < 90) {
          OrderId id = OrderId.of("o" + (s - 60));
          OrderChange c = new OrderChange(List.of(new OrderEvent(id, OrderState.PLACED,
              OrderState.CANCELLED, T0.plusSeconds(1000 + round), "cancel " + round)),
              List.of());
          boolean memOk = apply(mem, c);
          assertEquals(memOk, apply(j, c), "the same change applies to both, or to neither");
        } else if (s == 90) {
          j.snapshotNow();
        } else {
          j.close();
          j = JournalOrderStore.open(dir, options);
        }
        assertEquals(mem.size(), j.size());
      }
      j.close();
      j = JournalOrderStore.open(dir, options);
      assertEquals(mem.orders(), j.orders());
      for (BookedOrder b : mem.orders()) {
        assertEquals(mem.history(b.order().id()), j.history(b.order().id()));
      }
      assertEquals(mem.orders(java.util.EnumSet.of(OrderState.CANCELLED)),
          j.orders(java.util.EnumSet.of(OrderState.CANCELLED)));
    } finally {
      j.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Provide
  Arbitrary<Integer> threads() {
    return Arbitraries.integers().between(1, 3);
  }

  private static boolean apply(OrderStore s, OrderChange c) {
    try {
      s.commit(c);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
