package io.c2m.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.json.C2mJson;
import io.c2m.niche.Niche;
import io.c2m.niche.Trend;
import io.c2m.niche.TrendDirection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 part 6: the manufacturer-facing export leaves no consumer id, nothing below k, and
 * two overlapping exports whose audiences differ by one consumer do not tell whether that
 * consumer is in the niche.
 */
class NicheInsightIssue11Test {
  private static final byte[] SECRET = "a marketplace secret of 32 bytes".getBytes(
      StandardCharsets.UTF_8);
  private static final Attributes DEF =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");
  private static final InsightExporter EXPORTER = new InsightExporter(SECRET, 20,
      InsightExporter.DEFAULT_BAND);

  private static Niche niche(int audience) {
    return new Niche(Niche.idFor(DEF), DEF, audience, audience * 0.3, 2.345,
        new Trend(TrendDirection.EMERGING, 1.87, 0));
  }

  private static List<ConsumerId> members(SplittableRandom r, int n) {
    List<ConsumerId> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ConsumerId.of("c-" + Long.toHexString(r.nextLong())));
    }
    return out;
  }

  @Test
  void twoExportsDifferingByOneConsumerDoNotRevealIt() {
    SplittableRandom r = new SplittableRandom(11);
    int pairs = 4000;
    int differ = 0;
    int largerWithConsumer = 0;
    int naiveDiffer = 0;
    int naiveLargerWithConsumer = 0;
    for (int i = 0; i < pairs; i++) {
      int n = 40 + r.nextInt(300);
      List<ConsumerId> without = members(r, n);
      List<ConsumerId> with = new ArrayList<>(without);
      with.add(ConsumerId.of("target-" + i));
      int a = EXPORTER.export(niche(n), without).orElseThrow().audience();
      int b = EXPORTER.export(niche(n + 1), with).orElseThrow().audience();
      if (a != b) {
        differ++;
        largerWithConsumer += b > a ? 1 : 0;
      }
      // Plain rounding to the same band, for contrast: a difference is always conclusive.
      long na = Math.round(n / 10.0) * 10;
      long nb = Math.round((n + 1) / 10.0) * 10;
      if (na != nb) {
        naiveDiffer++;
        naiveLargerWithConsumer += nb > na ? 1 : 0;
      }
    }
    assertEquals(naiveDiffer, naiveLargerWithConsumer, "plain rounding is conclusive");
    double share = (double) largerWithConsumer / differ;
    // With noise, a larger figure points to the extra consumer barely more often than a coin.
    assertTrue(share < 0.6, "the larger export held the consumer in " + share + " of " + differ);
    assertTrue(differ > pairs / 4, "differences " + differ);
  }

  @Test
  void theSameMembersAlwaysGiveTheSameFigures() {
    SplittableRandom r = new SplittableRandom(3);
    List<ConsumerId> m = members(r, 57);
    List<ConsumerId> shuffled = new ArrayList<>(m);
    java.util.Collections.reverse(shuffled);
    assertEquals(EXPORTER.export(niche(57), m), EXPORTER.export(niche(57), shuffled));
  }

  @Test
  void nothingBelowTheMinimumAndNoConsumerIdLeaves() {
    SplittableRandom r = new SplittableRandom(5);
    assertEquals(Optional.empty(), EXPORTER.export(niche(19), members(r, 19)));
    List<ConsumerId> m = members(r, 120);
    NicheInsight insight = EXPORTER.export(niche(120), m).orElseThrow();
    assertEquals(0, insight.audience() % insight.audienceBand());
    assertTrue(Math.abs(insight.audience() - 120) <= 15, insight.toString());
    assertEquals(2.3, insight.lift());
    assertEquals(1.9, insight.growth());
    String json = C2mJson.toJson(List.of(insight));
    for (ConsumerId c : m) {
      assertFalse(json.contains(c.value()), json);
    }
    assertEquals(insight, C2mJson.fromJson(C2mJson.toJson(insight), NicheInsight.class));
  }

  @Test
  void theExporterRefusesAMinimumBelowTheFloorAndAShortSecret() {
    assertThrows(IllegalArgumentException.class, () -> new InsightExporter(SECRET, 4, 10));
    assertThrows(IllegalArgumentException.class, () -> new InsightExporter(new byte[8], 20, 10));
  }
}
