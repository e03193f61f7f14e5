package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The read-outs keep the consumer order of their last call and merge new consumers in: under any
 * interleaving of new consumers, erasures and reads, {@link ProfileStore#profiles(Instant)} and
 * {@link ProfileStore#preferredValues(Instant)} list exactly the consumers with evidence, in id
 * order.
 */
class ProfileStoreReadoutOrderProperties {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

  @Property(tries = 200)
  void readOutsListTheConsumersWithEvidenceInIdOrder(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 999) Integer> steps) {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH);
    TreeSet<String> expected = new TreeSet<>();
    Attributes item = Attributes.of("category", "dress", "color", "sage");
    for (int step : steps) {
      // Mostly new or returning consumers (ids out of order), some erasures, some reads.
      String id = "c" + (step * 7919 % 263);
      if (step % 10 < 6) {
        store.add(ConsumerId.of(id), item, SignalType.VIEW, EPOCH.toEpochMilli(), Double.NaN);
        expected.add(id);
      } else if (step % 10 < 8) {
        store.erase(ConsumerId.of(id));
        expected.remove(id);
      } else {
        assertOrder(store, expected);
      }
    }
    assertOrder(store, expected);
  }

  private static void assertOrder(ProfileStore store, TreeSet<String> expected) {
    List<String> profiles = new ArrayList<>();
    store.profiles(EPOCH).forEach(p -> profiles.add(p.consumer().value()));
    assertEquals(new ArrayList<>(expected), profiles);
    PreferredValues pv = store.preferredValues(EPOCH);
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < pv.size(); r++) {
      rows.add(pv.consumer(r).value());
    }
    assertEquals(profiles, rows);
  }
}
