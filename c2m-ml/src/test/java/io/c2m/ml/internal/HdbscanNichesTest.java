package io.c2m.ml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Otsu's threshold, by hand-computed between-class variances. */
class HdbscanNichesTest {
  @Test
  void otsuCutsBetweenTwoTightGroups() {
    assertEquals(1.0, HdbscanNiches.otsu(List.of(0.0, 1.0, 0.0, 1.0, 0.0, 1.0)));
  }

  @Test
  void otsuPicksTheCutWithTheLargestBetweenClassVariance() {
    // Cut after 0.1: 1 * 2 * (0.1 - 0.55)^2 = 0.405; after 0.2: 2 * 1 * (0.15 - 0.9)^2 = 1.125.
    assertEquals(0.9, HdbscanNiches.otsu(List.of(0.9, 0.1, 0.2)));
  }

  @Test
  void otsuOfEqualValuesLeavesNoValueBelow() {
    // No cut between equal values: none is below the threshold, so there are no inliers.
    assertEquals(Double.NEGATIVE_INFINITY, HdbscanNiches.otsu(List.of(0.3, 0.3)));
  }
}
