package io.c2m.ml.internal;

import io.c2m.InvalidConfigurationException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads strategy settings given as text, refusing unknown ones. Internal: the same contract as
 * c2m-core's internal {@code Settings}, which core's module does not export to this one.
 */
final class StrategySettings {
  private final String strategy;
  private final Map<String, String> values;
  private final Set<String> read = new HashSet<>();

  StrategySettings(String strategy, Map<String, String> values) {
    this.strategy = strategy;
    this.values = Map.copyOf(values);
  }

  int getInt(String name, int defaultValue) {
    read.add(name);
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException("The setting " + name + " (\"" + v
          + "\") of strategy " + strategy + " must be an integer.", e);
    }
  }

  double getDouble(String name, double defaultValue) {
    read.add(name);
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException("not finite");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException("The setting " + name + " (\"" + v
          + "\") of strategy " + strategy + " must be a finite number.", e);
    }
  }

  void requireAllRead() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new InvalidConfigurationException("Unknown setting(s) " + unknown + " for strategy "
          + strategy + ".\nMaybe use one of " + new TreeSet<>(read) + ".");
    }
  }
}
