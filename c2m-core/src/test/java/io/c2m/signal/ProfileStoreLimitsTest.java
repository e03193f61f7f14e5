package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limit of 49,152 distinct values per consumer, on the one-by-one and the bulk path. */
class ProfileStoreLimitsTest {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final long AT = EPOCH.toEpochMilli();
  private static final int LIMIT = 49_152;
  private static final String RULE = "A consumer has more than 49152 distinct attribute values.";

  private static ProfileStore store() {
    return new ProfileStore(ProfileSettings.defaults(), c -> true, EPOCH);
  }

  @Test
  void oneValueBeyondTheLimitIsRefusedAlikeOnBothPaths() {
    ProfileStore oneByOne = store();
    ProfileStore bulk = store();
    int a = oneByOne.admit(ConsumerId.of("x"));
    int b = bulk.admit(ConsumerId.of("x"));
    SignalBatch batch = SignalBatch.ofStoreIndices(LIMIT + 1);
    IllegalStateException refused = null;
    for (int v = 0; v <= LIMIT; v++) {
      Attributes item = Attributes.of("k", "v" + v);
      batch.add(b, bulk.itemIndex(item), SignalType.VIEW, AT, Double.NaN);
      int i = oneByOne.itemIndex(item);
      if (v < LIMIT) {
        oneByOne.add(a, i, SignalType.VIEW, AT, Double.NaN);
      } else {
        refused = assertThrows(IllegalStateException.class,
            () -> oneByOne.add(a, i, SignalType.VIEW, AT, Double.NaN));
      }
    }
    assertEquals(RULE, refused.getMessage());
    // The bulk path sizes a new consumer's row for the whole run: the same rule, not an index
    // error.
    assertEquals(RULE, assertThrows(IllegalStateException.class, () -> bulk.addAll(batch))
        .getMessage());
  }

  @Test
  void aRefusedRunLeavesNoSumBehindForTheNextConsumer() {
    ProfileStore s = store();
    int x = s.admit(ConsumerId.of("x"));
    int y = s.admit(ConsumerId.of("y"));
    SignalBatch full = SignalBatch.ofStoreIndices(LIMIT);
    for (int v = 0; v < LIMIT; v++) {
      full.add(x, s.itemIndex(Attributes.of("k", "v" + v)), SignalType.VIEW, AT, Double.NaN);
    }
    s.addAll(full);
    int extra = s.itemIndex(Attributes.of("k", "extra"));
    SignalBatch more = SignalBatch.ofStoreIndices(1).add(x, extra, SignalType.VIEW, AT, Double.NaN);
    assertEquals(RULE, assertThrows(IllegalStateException.class, () -> s.addAll(more))
        .getMessage());
    s.addAll(SignalBatch.ofStoreIndices(1).add(y, extra, SignalType.VIEW, AT, Double.NaN));
    // y's one view at the epoch weighs exactly the view weight, not twice it.
    assertEquals(ProfileSettings.defaults().weight(SignalType.VIEW),
        s.profile(ConsumerId.of("y"), EPOCH).orElseThrow()
            .affinity(AttributeValue.of("k", "extra")));
  }
}
