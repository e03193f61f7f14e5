package io.c2m;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecasters;
import io.c2m.design.DesignTailors;
import io.c2m.niche.NicheInferences;
import io.c2m.production.BatchingStrategies;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every SPI's built-ins are found by their stable names; unknown names and settings are refused. */
class StrategyLookupTest {
  @Test
  void builtInsAreDiscoverable() {
    assertTrue(NicheInferences.names().contains("attribute-miner"));
    assertTrue(DesignTailors.names().contains("modal"));
    assertTrue(DemandForecasters.names().contains("moving-average"));
    assertTrue(BatchingStrategies.names().contains("group-buy"));
    assertEquals("attribute-miner", NicheInferences.byName("attribute-miner").name());
    assertEquals("modal", DesignTailors.byName("modal").name());
    assertEquals("moving-average",
        DemandForecasters.byName("moving-average", Map.of("window", "3")).name());
    assertEquals("group-buy", BatchingStrategies.byName("group-buy").name());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> BatchingStrategies.byName("wagner-witin"));
    assertTrue(e.getMessage().contains("\"wagner-witin\""), e.getMessage());
    assertTrue(e.getMessage().contains("Maybe use one of"), e.getMessage());
    assertTrue(e.getMessage().contains("group-buy"), e.getMessage());
  }

  @Test
  void unknownOrBadSettingsAreRefused() {
    InvalidConfigurationException unknown = assertThrows(InvalidConfigurationException.class,
        () -> DemandForecasters.byName("moving-average", Map.of("windw", "3")));
    assertTrue(unknown.getMessage().contains("windw"), unknown.getMessage());
    InvalidConfigurationException notInt = assertThrows(InvalidConfigurationException.class,
        () -> DemandForecasters.byName("moving-average", Map.of("window", "three")));
    assertTrue(notInt.getMessage().contains("must be an integer"), notInt.getMessage());
    InvalidConfigurationException outOfRange = assertThrows(InvalidConfigurationException.class,
        () -> DemandForecasters.byName("moving-average", Map.of("window", "0")));
    assertTrue(outOfRange.getMessage().contains("window (0)"), outOfRange.getMessage());
  }
}
