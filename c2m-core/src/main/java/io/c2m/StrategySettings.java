package io.c2m;

import io.c2m.internal.Settings;
import java.util.Map;

/**
 * Reads the settings of a strategy given as text (the {@code Map<String, String>} of a provider's
 * {@code create}), as the built-in providers do: malformed values and settings nobody read are
 * refused with an {@link InvalidConfigurationException} naming the strategy, the setting and the
 * rule. For providers outside c2m-core (c2m-ml's and users' own). Not thread-safe: one reader per
 * {@code create} call.
 */
public final class StrategySettings {
  private final Settings settings;

  private StrategySettings(Settings settings) {
    this.settings = settings;
  }

  /**
   * Wraps the settings of a strategy.
   *
   * @param strategy the strategy's name, used in messages
   * @param values the settings
   * @return a reader
   */
  public static StrategySettings of(String strategy, Map<String, String> values) {
    return new StrategySettings(Settings.of(strategy, values));
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
    return settings.getInt(name, defaultValue);
  }

  /**
   * Reads a long setting.
   *
   * @param name the setting
   * @param defaultValue the value when absent
   * @return the value
   * @throws InvalidConfigurationException if it is not an integer
   */
  public long getLong(String name, long defaultValue) {
    return settings.getLong(name, defaultValue);
  }

  /**
   * Reads a decimal setting.
   *
   * @param name the setting
   * @param defaultValue the value when absent
   * @return the value
   * @throws InvalidConfigurationException if it is not a finite number
   */
  public double getDouble(String name, double defaultValue) {
    return settings.getDouble(name, defaultValue);
  }

  /**
   * Reads a text setting.
   *
   * @param name the setting
   * @param defaultValue the value when absent
   * @return the value
   */
  public String getString(String name, String defaultValue) {
    return settings.getString(name, defaultValue);
  }

  /**
   * Refuses settings that were given but never read (a misspelt name, a setting of another
   * strategy).
   *
   * @throws InvalidConfigurationException if a setting was not read
   */
  public void requireAllRead() {
    settings.requireAllRead();
  }
}
