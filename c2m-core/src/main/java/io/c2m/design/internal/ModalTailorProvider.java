package io.c2m.design.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.design.DesignTailor;
import io.c2m.design.DesignTailorProvider;
import io.c2m.internal.Settings;
import java.util.Map;

/**
 * Provides {@code "modal"}; settings {@code minShare} (0.3), {@code priceQuantile} (0.5) and
 * {@code maxDesigns} (1).
 */
public final class ModalTailorProvider implements DesignTailorProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ModalTailorProvider() {}

  @Override
  public String name() {
    return "modal";
  }

  @Override
  public String description() {
    return "niche definition plus the members' modal preferences, priced at a quantile";
  }

  @Override
  public DesignTailor create(Map<String, String> settings) {
    Settings s = Settings.of(name(), settings);
    double minShare = s.getDouble("minShare", ModalTailor.DEFAULT_MIN_SHARE);
    double q = s.getDouble("priceQuantile", ModalTailor.DEFAULT_PRICE_QUANTILE);
    int max = s.getInt("maxDesigns", ModalTailor.DEFAULT_MAX_DESIGNS);
    s.requireAllRead();
    try {
      return new ModalTailor(minShare, q, max);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "Invalid setting of design tailor modal: " + e.getMessage(), e);
    }
  }
}
