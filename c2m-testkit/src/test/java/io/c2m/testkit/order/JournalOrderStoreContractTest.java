package io.c2m.testkit.order;

import io.c2m.order.JournalOptions;
import io.c2m.order.OrderStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The order-store contract for {@link OrderStore#journal(Path, JournalOptions)}, durable: every
 * test also reopens. Snapshots every 4 KiB of log, so the kit's sequences cross several snapshots
 * and segment cuts; fsync off (the page cache survives a reopen; crash tests fsync).
 */
class JournalOrderStoreContractTest implements OrderStoreContract {
  private static final Path ROOT = TempDirs.root("journal-contract");
  private final Map<OrderStore, Path> dirs = new IdentityHashMap<>();

  JournalOptions options() {
    return JournalOptions.defaults().withFsync(false).withSnapshotBytes(4096);
  }

  @Override
  public OrderStore newStore() {
    try {
      Path dir = Files.createTempDirectory(ROOT, "j");
      OrderStore s = OrderStore.journal(dir, options());
      dirs.put(s, dir);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public OrderStore reopen(OrderStore store) {
    Path dir = dirs.remove(store);
    store.close();
    OrderStore s = OrderStore.journal(dir, options());
    dirs.put(s, dir);
    return s;
  }

  /** Temporary directories under target/, deleted when the JVM exits. */
  static final class TempDirs {
    private TempDirs() {}

    static Path root(String name) {
      try {
        Path root = Files.createDirectories(Path.of("target", "tmp"));
        Path dir = Files.createTempDirectory(root, name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static void delete(Path dir) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // best effort at exit; target/ is cleaned by the build anyway
      }
    }
  }
}
