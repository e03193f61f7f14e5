package io.c2m.demand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.StrategyException;
import io.c2m.demand.DemandForecast;
import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import io.c2m.demand.ForecastPoint;
import io.c2m.demand.IntervalForecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-level conformal quantile and the in-sample correction of fixed-parameter calibration,
 * on a hand-computed example (issue 12).
 */
class ConformalPerLevelTest {
  /** Always 10 with a model standard deviation of 1; keeps its (absent) parameters. */
  private static class Ten implements DemandForecaster, FixedParameters {
    int fits;

    @Override
    public String name() {
      return "ten";
    }

    @Override
    public DemandForecast forecast(DemandSeries history, int horizon) {
      return fitOnce(history, horizon).forecast();
    }

    @Override
    public Origins fitOnce(DemandSeries history, int fitted, int horizon) {
      fits++;
      return Origins.of(ten(history.id(), horizon), (origin, steps) -> ten(history.id(), steps));
    }

    static DemandForecast ten(String id, int horizon) {
      List<ForecastPoint> p = new ArrayList<>();
      for (int i = 1; i <= horizon; i++) {
        p.add(new ForecastPoint(i, 10, 10 - Points.Z90, 10, 10 + Points.Z90));
      }
      return new DemandForecast(id, "ten", p);
    }
  }

  /**
   * n = 20, horizon 1: origins 19 down to 10, one error each: nine of 1 and one of 9. Their root
   * mean square, 3, is the step's growth, so the scores are nine of 1/3 and one of 3 (root mean
   * square 1). Ten origins count as 5 independent ones, so the t bound has 4 degrees of freedom.
   * With fixed parameters every level takes the larger of its conformal rank and its t bound, on
   * scores scaled by sqrt(20 / 17). 80%: the rank ceil(11 * 0.8) = 9 gives 1/3, below t_4(0.9) =
   * 1.5332 times 1, so the t bound wins. 95%: rank ceil(11 * 0.95) = 11 is past the 10 scores,
   * so the largest, 3, is taken, above t_4(0.975) = 2.7764: the conformal quantile wins. The
   * half-width is that multiplier times the model spread 1 times the growth 3.
   */
  private static final double[] Y = new double[20];

  static {
    Arrays.fill(Y, 0, 10, 10);
    Arrays.fill(Y, 10, 19, 11);
    Y[19] = 19;
  }

  private static final double T4_90 = 1.533206274058944;

  /**
   * A refitted forecaster (always 100, model spread 1), 20 origins of a 40-period history, one
   * step: the errors are 1, 2, ..., 20 (alternating in sign). Their root mean square g =
   * sqrt(143.5) is the step's growth, so the scores are i / g, root mean square 1. Half of the 20 scores count
   * as independent (N_e = 10), half of the 20 origins (t bound with 9 degrees of freedom). 80%:
   * 0.2 * 10 = 2 effective scores lie beyond it, so it is read from the scores at the conformal
   * level ceil(11 * 0.8) / 10 = 0.9: the type-7 quantile at position 0.9 * 19 = 17.1, i.e.
   * (18 + 0.1 * (19 - 18)) / g; half-width 18.1 (the t bound, t_9(0.9) g = 16.57, is not used).
   * 95%: 0.05 * 10 = 0.5 effective scores beyond it, too thin a tail, so the larger of the
   * largest score 20 / g and t_9(0.975) = 2.2622 times 1: half-width 2.2622 g = 27.10.
   */
  @Test
  void eachLevelIsReadFromTheScoresOrBoundedByStudentsT() {
    DemandForecaster hundred = DemandForecaster.named("hundred", (s, h) -> {
      List<ForecastPoint> p = new ArrayList<>();
      for (int i = 1; i <= h; i++) {
        p.add(new ForecastPoint(i, 100, 100 - Points.Z90, 100, 100 + Points.Z90));
      }
      return new DemandForecast(s.id(), "hundred", p);
    });
    double[] y = new double[40];
    Arrays.fill(y, 100);
    for (int i = 1; i <= 20; i++) {
      y[19 + i] = 100 + (i % 2 == 0 ? i : -i);
    }
    IntervalForecast f = new Conformal(hundred, 20)
        .intervals(new DemandSeries("s", y), 1, 0.8, 0.95);
    double g = Math.sqrt(143.5);
    assertEquals(100 + 18.1, f.interval(1, 0.8).upper(), 1e-9);
    assertEquals(100 - 18.1, f.interval(1, 0.8).lower(), 1e-9);
    assertEquals(100 + 2.262157162798205 * g, f.interval(1, 0.95).upper(), 1e-9);
    assertEquals(100 + 18.1, f.forecast().points().get(0).p90(), 1e-9);
    assertEquals("refitted", f.forecast().provenance().settings().get("origins"));
    assertEquals("20", f.forecast().provenance().settings().get("scores"));
  }

  @Test
  void fixedParameterScoresAreScaledUpAsResidualsAreForThreeParameters() {
    // The same errors, in sample for the one fit's parameters: scores times sqrt(20 / 17).
    Ten ten = new Ten();
    IntervalForecast f = new Conformal(ten, 10)
        .intervals(new DemandSeries("s", Y), 1, 0.8, 0.95);
    double c = Math.sqrt(20.0 / 17);
    assertEquals(10 + T4_90 * c * 3, f.interval(1, 0.8).upper(), 1e-9);
    assertEquals(10 + 3 * c * 3, f.interval(1, 0.95).upper(), 1e-9);
    assertEquals("fixed parameters", f.forecast().provenance().settings().get("origins"));
    assertEquals(1, ten.fits, "one fit for the forecast and every calibration origin");
  }

  @Test
  void theInSampleCorrectionIsBoundedForShortHistories() {
    assertEquals(Math.sqrt(2), Conformal.inSampleCorrection(6, 3), 1e-12);
    assertEquals(Math.sqrt(7.0 / 4), Conformal.inSampleCorrection(7, 3), 1e-12);
    assertTrue(Conformal.inSampleCorrection(1000, 3) < 1.002);
    assertEquals(1, Conformal.inSampleCorrection(5, 0), 1e-12);
  }

  @Test
  void aFitThatCountsItsParametersGetsItsOwnCorrection() {
    // As the fixed-parameter example, with a fit that says it estimated 8 parameters.
    Ten eight = new Ten() {
      @Override
      public Origins fitOnce(DemandSeries history, int fitted, int horizon) {
        Origins o = super.fitOnce(history, fitted, horizon);
        return Origins.of(o.forecast(), o::at, 8);
      }
    };
    IntervalForecast f = new Conformal(eight, 10)
        .intervals(new DemandSeries("s", Y), 1, 0.8);
    assertEquals(10 + T4_90 * Math.sqrt(20.0 / 12) * 3, f.interval(1, 0.8).upper(), 1e-9);
    assertThrows(IllegalArgumentException.class,
        () -> FixedParameters.Origins.of(Ten.ten("s", 1), (o, s) -> Ten.ten("s", s), -1));
  }

  @Test
  void theQuantileOfOneLevelIsItsOwnRankOrBound() {
    double[] sorted = {0.5, 1, 1, 2, 4};
    double rms = Math.sqrt((0.25 + 1 + 1 + 4 + 16) / 5.0);
    // 50%: rank ceil(6 * 0.5) = 3 gives 1, below t_9(0.75) = 0.7027 * 2.1095 = 1.482.
    assertEquals(0.7027221467 * rms, Conformal.quantile(sorted, rms, 0.5, 9), 1e-8);
    // 80%: rank ceil(4.8) = 5 gives 4, above t_9(0.9) = 1.3830 * 2.1095 = 2.918.
    assertEquals(4, Conformal.quantile(sorted, rms, 0.8, 9), 1e-12);
  }

  @Test
  void aFailingFixedParameterFitIsTheForecastersFailure() {
    DemandForecaster broken = DemandForecaster.checked(new Ten() {
      @Override
      public Origins fitOnce(DemandSeries history, int fitted, int horizon) {
        throw new IllegalStateException("no fit");
      }
    });
    StrategyException e = assertThrows(StrategyException.class,
        () -> new Conformal(broken, 10).forecast(new DemandSeries("s", Y), 2));
    assertEquals("ten", e.strategyId());
  }
}
