package io.c2m.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {
  private final SimulationSettings d = SimulationSettings.defaults();

  @Test
  void defaultsCarryTheCitedFigures() {
    assertEquals(100, d.moq());
    assertEquals(14, d.leadTime());
    assertEquals(1.76, d.priceElasticity());
    assertEquals(180, d.periods());
    assertEquals(d.values().keySet(), SimulationSettings.knobs().keySet());
  }

  @Test
  void impossibleSettingsAreRefusedNamingTheSettingAndValue() {
    assertMessage("priceElasticity (-0.5)", () -> d.with("priceElasticity", "-0.5"));
    assertMessage("capacity (0)", () -> d.with("capacity", "0"));
    assertMessage("patience (4.0)", () -> d.with("patience", "4"));
    assertMessage("visitRate (1.5)", () -> d.with("visitRate", "1.5"));
    assertMessage("consumers (0)", () -> d.withNiches(d.niches()).with("consumers", "0"));
    assertMessage("moq (5000)", () -> d.with("moq", "5000"));
    assertMessage("Unknown setting \"bogus\"", () -> d.with("bogus", "1"));
    assertMessage("leadTime (\"soon\") is not a whole number", () -> d.with("leadTime", "soon"));
  }

  @Test
  void consumersScaleThePlantedNiches() {
    SimulationSettings half = d.with("consumers", "10000");
    assertEquals(10_000, half.consumers());
    assertEquals(d.niches().get(0).members() / 2, half.niches().get(0).members());
    assertEquals(d.with("leadTime", "7").leadTime(), 7);
  }

  @Test
  void emergenceAndFadeAreShareOfTheRun() {
    PlantedNiche jacket = d.niches().get(2);
    assertEquals(27, d.emergence(jacket));
    assertEquals(108, d.fade(jacket));
  }

  @Test
  void anUnknownStrategyListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimulationStrategies.byName("just-in-case"));
    assertTrue(e.getMessage().contains("make-to-stock") && e.getMessage().contains(
        "c2m:wagner-whitin"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SimulationStrategies.byName("c2m:nope"));
    assertEquals("c2m:silver-meal", SimulationStrategies.byName("c2m:silver-meal").name());
    assertTrue(SimulationStrategies.names().containsAll(List.of("make-to-stock", "c2m:group-buy")));
  }

  private static void assertMessage(String part, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
