package io.c2m.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The references of a {@link SignalBatch}: checked on append, owned by the batch. */
class SignalBatchTest {
  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final ConsumerId ANN = ConsumerId.of("ann");
  private static final Attributes SAGE = Attributes.of("category", "dress", "color", "sage");

  @Test
  void aReferenceNotHandedOutIsRefusedOnAppendWithTheRule() {
    SignalBatch batch = new SignalBatch();
    int ann = batch.consumerRef(ANN);
    int sage = batch.itemRef(SAGE);
    long at = EPOCH.toEpochMilli();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> batch.add(ann + 1, sage, SignalType.VIEW, at, Double.NaN));
    assertTrue(e.getMessage().startsWith("The consumer reference (1) or item reference (0) was "
        + "not handed out by this batch"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> batch.add(-1, sage, SignalType.VIEW, at, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> batch.add(ann, -1, SignalType.VIEW, at, Double.NaN));
    assertEquals(0, batch.size());
    batch.add(ann, sage, SignalType.VIEW, at, Double.NaN);
    batch.clear();
    assertThrows(IllegalArgumentException.class,
        () -> batch.add(ann, sage, SignalType.VIEW, at, Double.NaN),
        "a cleared batch forgets its references");
  }

  @Test
  void consentIsAskedWhenTheBatchIsAddedOncePerReference() {
    Set<ConsumerId> consenting = new HashSet<>(Set.of(ANN));
    int[] asked = new int[1];
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> {
      asked[0]++;
      return consenting.contains(c);
    }, EPOCH);
    SignalBatch batch = new SignalBatch(2);
    int ann = batch.consumerRef(ANN);
    int sage = batch.itemRef(SAGE);
    for (int k = 0; k < 3; k++) {
      batch.add(ann, sage, SignalType.LIKE, EPOCH.toEpochMilli(), Double.NaN);
    }
    assertEquals(0, asked[0], "nothing is asked while the batch is filled");
    assertEquals(new BatchReport(3, 0, List.of()), store.addAll(batch));
    assertEquals(1, asked[0]);
    consenting.clear(); // consent withdrawn: the same batch added again is not profiled
    assertEquals(new BatchReport(0, 3, List.of()), store.addAll(batch));
    assertEquals(6.0, store.profile(ANN, EPOCH).orElseThrow()
        .affinity(AttributeValue.of("color", "sage")));
  }

  @Test
  void aBatchOfStoreIndicesTakesNoReferences() {
    SignalBatch indices = SignalBatch.ofStoreIndices(1);
    assertThrows(IllegalStateException.class, () -> indices.consumerRef(ANN));
    assertThrows(IllegalStateException.class, () -> indices.itemRef(SAGE));
  }
}
