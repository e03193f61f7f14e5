package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * A batch of consumer and item references ({@link SignalBatch#consumerRef}, {@link
 * SignalBatch#itemRef}) added with {@link ProfileStore#addAll(SignalBatch)} gives exactly the
 * store that adding the same signals one by one with {@link ProfileStore#add(Signal)} gives (the
 * references admitted and interned first, as the batch does; a signal without consent counted as
 * such whatever its instant), and reports exactly the signals that path refuses: whether the references are the store's own indices (a new store) or must be
 * resolved (a store that already knows other consumers, references named out of order).
 */
class SignalBatchProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final int CONSUMERS = 12;
  private static final List<Attributes> ITEMS = List.of(
      Attributes.of("category", "dress", "color", "sage", "material", "linen"),
      Attributes.of("category", "dress", "color", "navy"),
      Attributes.of("category", "shirt", "color", "sage", "fit", "slim"),
      Attributes.of("category", "coat", "color", "red"));
  private static final Predicate<ConsumerId> CONSENT =
      c -> !c.value().endsWith("0") && !c.value().endsWith("3");

  record Drawn(int consumer, int item, SignalType type, long at, double value) {}

  @Provide
  Arbitrary<Drawn> drawn() {
    Arbitrary<Long> at = Arbitraries.frequencyOf(
        Tuple.of(30, Arbitraries.integers().between(-24 * 200, 24 * 200)
            .map(h -> EPOCH.toEpochMilli() + h * 3_600_000L + h % 5)),
        Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE,
            EPOCH.toEpochMilli() + 100_000L * 30 * 86_400_000L)));
    Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.just(Double.NaN),
        Arbitraries.doubles().between(-5, 200));
    return Combinators.combine(Arbitraries.integers().between(0, CONSUMERS - 1),
        Arbitraries.integers().between(0, ITEMS.size() - 1), Arbitraries.of(SignalType.class),
        at, value).as(Drawn::new);
  }

  @Property(tries = 150)
  void aBatchOfReferencesEqualsOneByOne(
      @ForAll @Size(max = 150) List<@From("drawn") Drawn> signals,
      @ForAll boolean warm,
      @ForAll boolean reversed) {
    ProfileSettings settings = ProfileSettings.defaults().withHalfLife(Duration.ofDays(9))
        .withWeight(SignalType.VIEW, 0.1).withWeight(SignalType.RETURN, -0.3);
    SignalBatch batch = new SignalBatch(4);
    int[] ref = new int[CONSUMERS];
    int[] itemRef = new int[ITEMS.size()];
    List<ConsumerId> refOrder = new ArrayList<>();
    for (int k = 0; k < CONSUMERS; k++) {
      int c = reversed ? CONSUMERS - 1 - k : k;
      ref[c] = batch.consumerRef(ConsumerId.of("c" + c));
      refOrder.add(ConsumerId.of("c" + c));
    }
    for (int k = 0; k < ITEMS.size(); k++) {
      int i = reversed ? ITEMS.size() - 1 - k : k;
      itemRef[i] = batch.itemRef(ITEMS.get(i));
    }
    for (Drawn d : signals) {
      batch.add(ref[d.consumer()], itemRef[d.item()], d.type(), d.at(), d.value());
    }
    ProfileStore oneByOne = new ProfileStore(settings, CONSENT, EPOCH);
    ProfileStore bulk = new ProfileStore(settings, CONSENT, EPOCH);
    if (warm) { // indices taken before: the references must be resolved
      for (ProfileStore s : List.of(oneByOne, bulk)) {
        s.add(Signal.of(ConsumerId.of("w"), SignalType.LIKE, EPOCH, ITEMS.get(3), "web"));
      }
    }
    // One by one: the batch's references admitted and interned first, in reference order.
    refOrder.forEach(oneByOne::admit);
    for (int k = 0; k < ITEMS.size(); k++) {
      oneByOne.itemIndex(ITEMS.get(reversed ? ITEMS.size() - 1 - k : k));
    }
    List<BatchReport.Rejected> expected = new ArrayList<>();
    long profiled = 0;
    long withoutConsent = 0;
    for (int s = 0; s < signals.size(); s++) {
      Drawn d = signals.get(s);
      if (!CONSENT.test(ConsumerId.of("c" + d.consumer()))) {
        // Without consent, counted as such whatever its instant (add(Signal) checks the
        // instant first): the index path's count.
        withoutConsent++;
        oneByOne.add(-1, 0, d.type(), 0L, Double.NaN);
        continue;
      }
      try {
        if (oneByOne.add(new Signal(ConsumerId.of("c" + d.consumer()), d.type(),
            Instant.ofEpochMilli(d.at()), ITEMS.get(d.item()), "web", d.value()))) {
          profiled++;
        } else {
          withoutConsent++;
        }
      } catch (IllegalArgumentException e) {
        expected.add(new BatchReport.Rejected(s, e.getMessage()));
      }
    }
    assertEquals(new BatchReport(profiled, withoutConsent, expected), bulk.addAll(batch));
    for (int days : new int[] {0, 30}) {
      Instant asOf = EPOCH.plus(Duration.ofDays(days));
      assertEquals(oneByOne.profiles(asOf), bulk.profiles(asOf)); // Double.equals: bit for bit
    }
    assertEquals(oneByOne.timeline(), bulk.timeline());
    assertEquals(oneByOne.accepted(), bulk.accepted());
    assertEquals(oneByOne.skippedWithoutConsent(), bulk.skippedWithoutConsent());
    assertEquals(oneByOne.consumers(), bulk.consumers());
    // The batch is unchanged by being added (its resolved indices are scratch): added again to
    // a second store like the first, it gives the same report and profiles.
    ProfileStore again = new ProfileStore(settings, CONSENT, EPOCH);
    if (warm) {
      again.add(Signal.of(ConsumerId.of("w"), SignalType.LIKE, EPOCH, ITEMS.get(3), "web"));
    }
    assertEquals(new BatchReport(profiled, withoutConsent, expected), again.addAll(batch));
    assertEquals(bulk.profiles(EPOCH), again.profiles(EPOCH));
    assertEquals(signals.size(), batch.size());
    for (int s = 0; s < signals.size(); s++) {
      assertEquals(ConsumerId.of("c" + signals.get(s).consumer()), batch.consumer(s));
      assertEquals(ITEMS.get(signals.get(s).item()), batch.item(s));
      assertEquals(signals.get(s).at(), batch.atEpochMillis(s));
    }
  }
}
