package io.c2m.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.C2m;
import io.c2m.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

/** Issue 11: a minimum audience below the floor releases one person's preferences. */
class AudienceFloorIssue11Test {
  @Test
  void theBuilderRefusesAMinimumAudienceBelowTheFloor() {
    for (int k = 1; k < AudienceGuard.FLOOR; k++) {
      int kk = k;
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
          () -> C2m.builder().minimumAudience(kk));
      assertTrue(e.getMessage().contains("floor of 5"), e.getMessage());
    }
    C2m.builder().minimumAudience(AudienceGuard.FLOOR).build();
  }

  @Test
  void syntheticDataMustBeDeclaredExplicitlyToGoBelowTheFloor() {
    C2m.builder().syntheticData().minimumAudience(1).build();
    assertThrows(InvalidConfigurationException.class,
        () -> C2m.builder().syntheticData().minimumAudience(0));
  }

  @Test
  void checkFloorIsTheRule() {
    assertEquals(5, AudienceGuard.checkFloor(5, false));
    assertEquals(1, AudienceGuard.checkFloor(1, true));
    assertThrows(IllegalArgumentException.class, () -> AudienceGuard.checkFloor(4, false));
  }
}
