package io.c2m.production;

import io.c2m.StrategyProvider;

/** A {@link java.util.ServiceLoader} provider of {@link BatchingStrategy}s. */
public interface BatchingStrategyProvider extends StrategyProvider<BatchingStrategy> {}
