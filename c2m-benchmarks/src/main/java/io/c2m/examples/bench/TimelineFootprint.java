package io.c2m.examples.bench;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The memory risk of the interest timeline: a store over a large catalogue and a long span (by
 * default 100,000 consumers with 20 signals each, 100,000 distinct items, one year), measured as
 * heap growth after {@code System.gc()} per consumer profile. Uses the store's record-free path
 * {@code add(ConsumerId, Attributes, SignalType, long, double)}. Run: {@code java -Xmx8g -cp
 * benchmarks.jar io.c2m.examples.bench.TimelineFootprint [consumers] [signals] [items] [days]}.
 */
public final class TimelineFootprint {
  private TimelineFootprint() {}

  /**
   * Runs the measurement.
   *
   * @param args consumers, signals per consumer, distinct items, days
   */
  public static void main(String[] args) {
    int consumers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int perConsumer = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int items = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int days = args.length > 3 ? Integer.parseInt(args[3]) : 365;
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    ConsumerId[] ids = new ConsumerId[consumers];
    for (int c = 0; c < consumers; c++) {
      ids[c] = new ConsumerId(String.format("c%07d", c));
    }
    Attributes[] catalogue = new Attributes[items];
    for (int i = 0; i < items; i++) {
      catalogue[i] = Attributes.of("category", "cat" + (i % 20), "sku", "sku" + i);
    }
    SignalType[] types = SignalType.values();
    long before = usedAfterGc();
    ProfileStore store =
        new ProfileStore(ProfileSettings.defaults(), c -> true, start);
    SplittableRandom random = new SplittableRandom(42);
    for (int c = 0; c < consumers; c++) {
      for (int s = 0; s < perConsumer; s++) {
        int item = random.nextInt(items);
        long at = start.toEpochMilli() + (long) (random.nextDouble() * days * 86_400_000L);
        store.add(ids[c], catalogue[item], types[random.nextInt(types.length)], at, Double.NaN);
      }
    }
    long after = usedAfterGc();
    System.out.printf(Locale.ROOT, "%,d consumers x %d signals, %,d items over %d days: whole "
        + "store %.0f bytes per consumer profile (heap growth after GC)%n", consumers, perConsumer,
        items, days, (double) (after - before) / store.consumers());
    System.out.println(store.accepted() > 0 ? "" : "-");
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
