package io.c2m.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.InvalidConfigurationException;
import io.c2m.StrategyProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Two providers under one name are refused instead of one silently shadowing the other. */
class StrategyRegistryTest {
  /** A service type only this test declares, with two providers of the same name. */
  public interface ClashingProvider extends StrategyProvider<Object> {}

  /** The first provider named "same". */
  public static final class First implements ClashingProvider {
    @Override
    public String name() {
      return "same";
    }

    @Override
    public Object create(Map<String, String> settings) {
      return "first";
    }
  }

  /** The second provider named "same". */
  public static final class Second implements ClashingProvider {
    @Override
    public String name() {
      return "same";
    }

    @Override
    public Object create(Map<String, String> settings) {
      return "second";
    }
  }

  @Test
  void twoProvidersWithOneNameAreRefusedNamingBoth() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> StrategyRegistry.providers(ServiceLoader.load(ClashingProvider.class)));
    assertTrue(e.getMessage().contains("\"same\""), e.getMessage());
    assertTrue(e.getMessage().contains(First.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(Second.class.getName()), e.getMessage());
  }
}
