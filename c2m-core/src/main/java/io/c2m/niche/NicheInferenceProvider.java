package io.c2m.niche;

import io.c2m.StrategyProvider;

/** A {@link java.util.ServiceLoader} provider of {@link NicheInference} strategies. */
public interface NicheInferenceProvider extends StrategyProvider<NicheInference> {}
