package io.c2m.testkit.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.order.JournalOptions;
import io.c2m.order.OrderStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 part 8 on the built-in stores: 8 submitters with 10% retries and 1% conflicts while 2
 * committers release, start production and cancel. 50,000 orders here; {@code
 * -Dc2m.stress.orders=1000000} for the full size (see BENCHMARKS.md).
 */
class OrderStoreStressTest {
  private static final int ORDERS = Integer.getInteger("c2m.stress.orders", 50_000);
  private static final Path ROOT = JournalOrderStoreContractTest.TempDirs.root("stress");

  private static void report(String store, OrderStoreStress.Report r) {
    System.out.printf("stress %s: %d orders, %d duplicates, %d conflicts, %d commits, "
        + "%d refused, %.1f s%n", store, r.inserted(), r.duplicates(), r.conflicts(), r.commits(),
        r.refused(), r.seconds());
    assertTrue(r.duplicates() > 0 && r.conflicts() > 0 && r.refused() > 0, r.toString());
  }

  @Test
  void inMemory() {
    try (OrderStore s = OrderStore.inMemory()) {
      report("in-memory", OrderStoreStress.run(s, OrderStoreStress.Settings.of(ORDERS)));
    }
  }

  /**
   * The journal, with fsync off in the suite (group commit and snapshots still run; the crash test
   * covers fsync); {@code -Dc2m.stress.fsync=true} turns it on. Reopened afterwards: the same.
   *
   * @throws IOException if the directory cannot be made
   */
  @Test
  void journal() throws IOException {
    Path dir = Files.createTempDirectory(ROOT, "j");
    JournalOptions options = JournalOptions.defaults()
        .withFsync(Boolean.getBoolean("c2m.stress.fsync")).withSnapshotBytes(1 << 20);
    java.util.List<io.c2m.order.BookedOrder> before;
    try (OrderStore s = OrderStore.journal(dir, options)) {
      report("journal", OrderStoreStress.run(s, OrderStoreStress.Settings.of(ORDERS)));
      before = s.orders();
    }
    try (OrderStore s = OrderStore.journal(dir, options)) {
      assertEquals(before, s.orders());
    }
  }
}
