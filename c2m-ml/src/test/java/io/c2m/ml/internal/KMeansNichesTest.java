package io.c2m.ml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KMeansNichesTest {
  @Test
  void theAutomaticKIsOneClusterPerThreeMinimumAudiencesWithinTwoAndForty() {
    assertEquals(7, KMeansNiches.autoClusters(400, 20)); // 400 / 60 = 6.67
    assertEquals(33, KMeansNiches.autoClusters(1000, 10)); // 1000 / 30 = 33.3
    assertEquals(40, KMeansNiches.autoClusters(5673, 25)); // 75.6, capped
    assertEquals(2, KMeansNiches.autoClusters(50, 20)); // 0.83, at least 2
  }

  @Test
  void zeroClustersMeansAutomaticOtherValuesBelowTwoAreRefused() {
    new KMeansNiches(0, 10, ClusterExplainer.defaults());
    assertThrows(IllegalArgumentException.class,
        () -> new KMeansNiches(1, 10, ClusterExplainer.defaults()));
    assertThrows(IllegalArgumentException.class,
        () -> new KMeansNiches(-1, 10, ClusterExplainer.defaults()));
  }
}
