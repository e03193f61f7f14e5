package io.c2m.demand.internal;

import io.c2m.demand.DemandForecaster;
import io.c2m.internal.Settings;

/**
 * Provides {@code "combo"}: the mean (setting {@code combination}, {@code mean} or {@code
 * median}) of ETS chosen by AICc, ARIMA and theta; setting {@code season} (default 1) adjusts a
 * seasonal series first.
 */
public final class ComboProvider extends AbstractForecasterProvider {
  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public ComboProvider() {
    super("combo", "mean or median of ets, arima and theta");
  }

  @Override
  DemandForecaster build(Settings s) {
    String c = s.getString("combination", "mean");
    boolean median = switch (c) {
      case "mean" -> false;
      case "median" -> true;
      default -> throw new IllegalArgumentException(
          "The setting combination (\"" + c + "\") must be mean or median.");
    };
    return Auto.combo(s.getInt("season", 1), median);
  }

  @Override
  public SeasonUse seasonUse() {
    return SeasonUse.OPTIONAL;
  }
}
