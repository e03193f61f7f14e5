package io.c2m.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, part 10: the engine's discovery and tailoring were made faster (profiles, their
 * preferences and the interest timeline computed once per discovery instead of once per call and
 * per niche). The output of a small comparison must not change by a byte: the checksum below was
 * computed from the code before that change (commit 7f3086b).
 */
class SimulationOutputIssue15Test {
  /** 1,500 consumers over 40 days, discovering every 5 days: several discoveries and niches. */
  static SimulationSettings busy() {
    return SimulationSettings.defaults().withConsumers(1500).withPeriods(40)
        .with("seasonLength", "20").with("discoverEvery", "5").with("minimumAudience", "10");
  }

  static String output() {
    Comparison c = Simulation.compare(busy(), List.of(
            SimulationStrategies.byName("make-to-stock"),
            SimulationStrategies.byName("c2m:group-buy"),
            SimulationStrategies.byName("c2m:wagner-whitin")),
        List.of(3L), SimulationListener.none());
    return c.runsCsv() + c.summaryCsv() + c.pairedCsv() + c.toJson();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void outputIsUnchangedByTheDiscoverySpeedUp() {
    String out = output();
    assertEquals("b6189e57a4c9ba5edd082d3b2bec16b9f00e4d791619dfeb13b6550ee20d14d8",
        sha256(out), out);
  }
}
