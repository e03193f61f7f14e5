package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The bulk path {@link ProfileStore#addAll(SignalBatch)} gives exactly (bit for bit) the store
 * that adding the same signals one by one, in batch order, with {@link ProfileStore#add(int, int,
 * SignalType, long, double)} gives, and reports exactly the signals that path refuses.
 */
class ProfileStoreBulkProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final long DAY = 86_400_000L;
  private static final List<Attributes> ITEMS = List.of(
      Attributes.of("category", "dress", "color", "sage", "material", "linen"),
      Attributes.of("category", "dress", "color", "navy", "material", "silk"),
      Attributes.of("category", "shirt", "color", "sage", "material", "wool"),
      Attributes.of("category", "shirt", "color", "red", "material", "linen", "fit", "slim"),
      Attributes.of("category", "coat", "color", "red"));

  /**
   * One drawn signal: which consumer (an index into the admitted list, or "unknown" as {@code
   * -1}), which item (or an unknown one as {@code -1}), its type, its instant (hours from the
   * epoch, or a bad one) and its value.
   */
  record Drawn(int consumer, int item, SignalType type, long at, double value) {}

  @Provide
  Arbitrary<Drawn> drawn() {
    Arbitrary<Integer> consumer = Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.integers().between(0, 7)), // few, often repeated
        Tuple.of(5, Arbitraries.integers().between(0, 299)),
        Tuple.of(1, Arbitraries.just(-1))); // not handed out by the store
    Arbitrary<Integer> item = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.integers().between(0, ITEMS.size() - 1)),
        Tuple.of(1, Arbitraries.just(-1)));
    // Out-of-order arrival within the tolerance (a year either side), few distinct instants so
    // that sums meet, and bad instants: far beyond MAX_HALF_LIVES, or at the ends of the range.
    Arbitrary<Long> at = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.integers().between(-24 * 365, 24 * 365)
            .map(h -> EPOCH.toEpochMilli() + h * 3_600_000L + h % 7)),
        Tuple.of(10, Arbitraries.of(EPOCH.toEpochMilli(),
            EPOCH.toEpochMilli() - 3 * DAY + 1)),
        Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE,
            EPOCH.toEpochMilli() + 100_000L * 30 * DAY, EPOCH.toEpochMilli() - 100_000L * 30 * DAY)));
    Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.just(Double.NaN),
        Arbitraries.doubles().between(-5, 200), Arbitraries.of(0.1, 0.3, 19.99));
    return Combinators.combine(consumer, item, Arbitraries.of(SignalType.class), at, value)
        .as(Drawn::new);
  }

  /** Two stores given the same consumers (every third one refused) and items, in one order. */
  private static ProfileStore[] twins(ProfileSettings settings, int consumers, int[] index) {
    ProfileStore[] stores = new ProfileStore[2];
    for (int k = 0; k < 2; k++) {
      stores[k] = new ProfileStore(settings,
          c -> !c.value().endsWith("0") && !c.value().endsWith("3"), EPOCH);
      for (int c = 0; c < consumers; c++) {
        index[c] = stores[k].admit(ConsumerId.of("c" + c));
      }
      ITEMS.forEach(stores[k]::itemIndex);
    }
    return stores;
  }

  @Property(tries = 200)
  void bulkEqualsOneByOne(
      @ForAll @Size(max = 120) List<@From("drawn") Drawn> first,
      @ForAll @Size(max = 60) List<@From("drawn") Drawn> second,
      @ForAll @Size(max = 30) List<@From("drawn") Drawn> third,
      @ForAll @IntRange(min = 0, max = 2) int shape,
      @ForAll boolean eraseBetween,
      @ForAll boolean oddWeights) {
    // Shape 0: few consumers (counting sort); 1: many consumers, small batch (pair sort);
    // 2: the first batch ordered by consumer (no sort).
    int consumers = shape == 1 ? 300 : 8;
    ProfileSettings settings = ProfileSettings.defaults().withHalfLife(Duration.ofDays(7));
    if (oddWeights) { // weights whose sums depend on the order of addition
      settings = settings.withWeight(SignalType.VIEW, 0.1).withWeight(SignalType.LIKE, 0.7)
          .withWeight(SignalType.RETURN, -0.3).withWeight(SignalType.SEARCH, 0.0);
    }
    int[] index = new int[consumers];
    ProfileStore[] stores = twins(settings, consumers, index);
    ProfileStore oneByOne = stores[0];
    ProfileStore bulk = stores[1];
    List<Drawn> firstBatch = new ArrayList<>(first);
    if (shape == 2) {
      firstBatch.sort(Comparator.comparingInt(d -> resolve(d, index, consumers)));
    }
    check(oneByOne, bulk, firstBatch, index, consumers);
    if (eraseBetween) {
      ConsumerId gone = ConsumerId.of("c1");
      assertEquals(oneByOne.erase(gone), bulk.erase(gone));
    }
    check(oneByOne, bulk, second, index, consumers);
    // Then one by one on both: rows the bulk path wrote (compact or not) take single signals.
    for (Drawn d : third) {
      int c = resolve(d, index, consumers);
      int item = d.item() < 0 ? ITEMS.size() : d.item();
      for (ProfileStore s : List.of(oneByOne, bulk)) {
        try {
          s.add(c, item, d.type(), d.at(), d.value());
        } catch (IllegalArgumentException e) {
          // refused: both alike, as the counts compared below show
        }
      }
    }

    for (int days : new int[] {0, 40}) {
      Instant asOf = EPOCH.plus(Duration.ofDays(days));
      assertEquals(oneByOne.profiles(asOf), bulk.profiles(asOf)); // Double.equals: bit for bit
    }
    // The miner's read-out too (compact rows included): same preferred values, bit for bit.
    PreferredValues pa = oneByOne.preferredValues(EPOCH);
    PreferredValues pb = bulk.preferredValues(EPOCH);
    assertEquals(pa.size(), pb.size());
    for (int r = 0; r < pa.size(); r++) {
      assertEquals(pa.consumer(r), pb.consumer(r));
      assertEquals(pa.end(r) - pa.start(r), pb.end(r) - pb.start(r));
      for (int e = pa.start(r), f = pb.start(r); e < pa.end(r); e++, f++) {
        assertEquals(pa.value(pa.valueId(e)), pb.value(pb.valueId(f)));
        assertEquals(pa.affinity(e), pb.affinity(f));
      }
    }
    assertEquals(oneByOne.timeline(), bulk.timeline());
    assertEquals(oneByOne.accepted(), bulk.accepted());
    assertEquals(oneByOne.skippedWithoutConsent(), bulk.skippedWithoutConsent());
    assertEquals(oneByOne.consumers(), bulk.consumers());
    // A merge of each into a fresh store agrees too (tables reached by a different history).
    ProfileStore a = new ProfileStore(settings, c -> true, EPOCH).merge(oneByOne);
    ProfileStore b = new ProfileStore(settings, c -> true, EPOCH).merge(bulk);
    assertEquals(a.profiles(EPOCH), b.profiles(EPOCH));
  }

  private static int resolve(Drawn d, int[] index, int consumers) {
    // -1 drawn = an index the store never handed out (past the end); refused = index -1.
    return d.consumer() < 0 ? consumers + 5 : index[d.consumer() % consumers];
  }

  private static void check(ProfileStore oneByOne, ProfileStore bulk, List<Drawn> signals,
      int[] index, int consumers) {
    SignalBatch batch = SignalBatch.ofStoreIndices(2);
    List<BatchReport.Rejected> expected = new ArrayList<>();
    long profiled = 0;
    long withoutConsent = 0;
    for (int s = 0; s < signals.size(); s++) {
      Drawn d = signals.get(s);
      int c = resolve(d, index, consumers);
      int item = d.item() < 0 ? ITEMS.size() : d.item();
      batch.add(c, item, d.type(), d.at(), d.value());
      try {
        if (oneByOne.add(c, item, d.type(), d.at(), d.value())) {
          profiled++;
        } else {
          withoutConsent++;
        }
      } catch (IllegalArgumentException e) {
        expected.add(new BatchReport.Rejected(s, e.getMessage()));
      }
    }
    BatchReport report = bulk.addAll(batch);
    assertEquals(new BatchReport(profiled, withoutConsent, expected), report);
    assertEquals(signals.size(), report.total());
    // The batch is read only: it still holds what was appended.
    IntStream.range(0, signals.size()).forEach(s ->
        assertEquals(signals.get(s).type(), batch.type(s)));
  }
}
