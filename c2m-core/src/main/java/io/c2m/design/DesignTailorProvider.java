package io.c2m.design;

import io.c2m.StrategyProvider;

/** A {@link java.util.ServiceLoader} provider of {@link DesignTailor} strategies. */
public interface DesignTailorProvider extends StrategyProvider<DesignTailor> {}
