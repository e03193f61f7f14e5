package io.c2m.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 11: a lead time of 2^31-1 gave "The ready period (-2147483648)..." from the library. */
class LeadTimeOverflowIssue11Test {
  @Test
  void aLeadTimeBeyondTheLongestHorizonIsRefusedNamingItsValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProductionConstraints.unconstrained().withLeadTimePeriods(Integer.MAX_VALUE));
    assertTrue(e.getMessage().contains("2147483647") && e.getMessage().contains("at most "
        + ProductionConstraints.MAX_LEAD_TIME), e.getMessage());
  }

  @Test
  void theLongestLeadTimePlansWithoutOverflow() {
    ProductionConstraints c = ProductionConstraints.unconstrained()
        .withLeadTimePeriods(ProductionConstraints.MAX_LEAD_TIME);
    assertEquals(ProductionConstraints.MAX_LEAD_TIME, c.leadTimePeriods());
    BatchPlan plan = BatchingStrategy.wagnerWhitin().plan(BatchingProblem.ofPeriodDemand(
        java.util.Map.of(io.c2m.DesignId.of("d"), new int[] {5}), java.util.Map.of(), c));
    for (ProductionBatch b : plan.batches()) {
      assertTrue(b.readyPeriod() >= b.period(), b.toString());
    }
  }
}
