package io.c2m.demand;

import io.c2m.StrategyProvider;

/** A {@link java.util.ServiceLoader} provider of {@link DemandForecaster}s. */
public interface DemandForecasterProvider extends StrategyProvider<DemandForecaster> {
  /** How a forecaster uses a season length, given as the setting {@code season}. */
  enum SeasonUse {
    /** It takes no {@code season} setting. */
    NONE,
    /** It takes {@code season}, 1 (no season) or more, e.g. for seasonal adjustment. */
    OPTIONAL,
    /** It models seasonality and needs {@code season} of at least 2. */
    REQUIRED
  }

  /**
   * Says whether the forecaster takes a {@code season} setting, so that a tool (the {@code c2m}
   * command line) passes a season length to those that use one and refuses it for the others.
   *
   * @return how the season is used; {@link SeasonUse#NONE} unless overridden
   */
  default SeasonUse seasonUse() {
    return SeasonUse.NONE;
  }
}
