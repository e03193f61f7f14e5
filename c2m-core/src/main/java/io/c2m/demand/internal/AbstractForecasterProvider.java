package io.c2m.demand.internal;

import io.c2m.InvalidConfigurationException;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandForecasterProvider;
import io.c2m.internal.Settings;
import java.util.Map;

/**
 * Shared plumbing of the built-in forecaster providers: reads the settings, refuses unknown ones,
 * and turns a bad value into an {@link InvalidConfigurationException}. Internal: each built-in
 * needs its own public provider class for {@link java.util.ServiceLoader}.
 *
 * <p>Every built-in takes two more settings: {@code intervals}, {@code conformal} (the default:
 * honest quantiles calibrated on the method's own rolling-origin errors, {@link Conformal}) or
 * {@code model} (the method's analytic quantiles, which under-cover on M3 but cost no refit), and
 * {@code origins} (default 10), the number of rolling origins of the calibration, and {@code
 * calibration}, {@code fixed} (the default: forecast from the origins with the parameters fitted
 * to the whole history, one fit in all) or {@code refit} (fit again at every origin).
 */
abstract class AbstractForecasterProvider implements DemandForecasterProvider {
  private final String name;
  private final String description;

  AbstractForecasterProvider(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final DemandForecaster create(Map<String, String> settings) {
    Settings s = Settings.of(name, settings);
    DemandForecaster f;
    try {
      String intervals = s.getString("intervals", "conformal");
      int origins = s.getInt("origins", Conformal.DEFAULT_ORIGINS);
      String calibration = s.getString("calibration", "fixed");
      if (!calibration.equals("fixed") && !calibration.equals("refit")) {
        throw new IllegalArgumentException("The setting calibration (\"" + calibration
            + "\") must be fixed or refit.");
      }
      f = build(s);
      f = switch (intervals) {
        case "conformal" -> new Conformal(f, origins, calibration.equals("refit"));
        case "model" -> f;
        default -> throw new IllegalArgumentException("The setting intervals (\"" + intervals
            + "\") must be conformal or model.");
      };
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(e.getMessage(), e);
    }
    s.requireAllRead();
    return f;
  }

  /**
   * Builds the forecaster, reading every setting it knows.
   *
   * @param s the settings
   * @return the forecaster
   */
  abstract DemandForecaster build(Settings s);

  /**
   * Reads the {@code init} setting of the exponential smoothing providers.
   *
   * @param s the settings
   * @return true for {@code zero} (the default), false for {@code fitted}
   */
  static boolean zeroStart(Settings s) {
    String init = s.getString("init", "zero");
    return switch (init) {
      case "zero" -> true;
      case "fitted" -> false;
      default -> throw new IllegalArgumentException(
          "The setting init (\"" + init + "\") must be zero or fitted.");
    };
  }
}
