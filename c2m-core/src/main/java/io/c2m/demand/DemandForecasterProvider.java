package io.c2m.demand;

import io.c2m.StrategyProvider;

/** A {@link java.util.ServiceLoader} provider of {@link DemandForecaster}s. */
public interface DemandForecasterProvider extends StrategyProvider<DemandForecaster> {}
