package io.c2m.internal;

import io.c2m.InvalidConfigurationException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads strategy settings given as text, with messages naming the strategy, the setting and the
 * rule. Internal: providers use it to implement {@code create(Map)}.
 */
public final class Settings {
  private final String strategy;
  private final Map<String, String> values;
  private final Set<String> read = new HashSet<>();

  private Settings(String strategy, Map<String, String> values) {
    this.strategy = strategy;
    this.values = Map.copyOf(values);
  }

  /**
   * Wraps the settings of a strategy.
   *
   * @param strategy the strategy's name
   * @param values the settings
   * @return a reader
   */
  public static Settings of(String strategy, Map<String, String> values) {
    return new Settings(strategy, values);
  }

  /**
   * Reads an integer setting.
   *
   * @param name the setting
   * @param defaultValue the value when absent
   * @return the value
   * @throws InvalidConfigurationException if it is not an integer
   */
  public int getInt(String name, int defaultValue) {
    read.add(name);
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          "The setting " + name + " (\"" + v + "\") of strategy " + strategy
              + " must be an integer.", e);
    }
  }

  /**
   * Reads a long setting.
   *
   * @param name the setting
   * @param defaultValue the value when absent
   * @return the value
   */
  public long getLong(String name, long defaultValue) {
    read.add(name);
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          "The setting " + name + " (\"" + v + "\") of strategy " + strategy
              + " must be an integer.", e);
    }
  }

  /**
   * Reads a decimal setting.
   *
   * @param name the setting
   * @param defaultValue the value when absent
   * @return the value
   */
  public double getDouble(String name, double defaultValue) {
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
      throw new InvalidConfigurationException(
          "The setting " + name + " (\"" + v + "\") of strategy " + strategy
              + " must be a finite number.", e);
    }
  }

  /**
   * Reads a text setting.
   *
   * @param name the setting
   * @param defaultValue the value when absent
   * @return the value
   */
  public String getString(String name, String defaultValue) {
    read.add(name);
    return values.getOrDefault(name, defaultValue);
  }

  /**
   * Refuses any setting that was never read: a misspelt setting must not be silently ignored.
   *
   * @throws InvalidConfigurationException if a setting was not read
   */
  public void requireAllRead() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new InvalidConfigurationException(
          "Unknown setting(s) " + unknown + " for strategy " + strategy + ".\nMaybe use one of "
              + new TreeSet<>(read) + ".");
    }
  }
}
