package io.c2m.demand.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecaster;
import io.c2m.demand.DemandSeries;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final List<Holdout> HOLDOUTS = List.of(
      new Holdout(DemandSeries.of("a", 1, 2, 3), new double[] {4}, 1),
      new Holdout(DemandSeries.of("boom", 1, 2, 3), new double[] {4}, 1),
      new Holdout(DemandSeries.of("c", 5, 5, 5), new double[] {5}, 1));

  private static final DemandForecaster EXPLODES_ON_BOOM = DemandForecaster.named("explodes",
      (h, n) -> {
        if (h.id().equals("boom")) {
          throw new IllegalStateException("kaboom");
        }
        return DemandForecaster.naive().forecast(h, n);
      });

  @Test
  void evaluateRecordsEveryRuntimeExceptionPerHoldoutWithItsReason() {
    MethodSummary s = Backtest.evaluate(List.of(EXPLODES_ON_BOOM), HOLDOUTS).get(0);
    assertEquals(2, s.forecasts());
    assertEquals(1, s.failures());
    assertEquals(List.of("series boom: kaboom"), s.failureReasons());
    // Naive forecasts 3 for 4 (sMAPE 200 * 1 / 7) and 5 for 5 (0).
    assertEquals((200.0 / 7 + 0) / 2, s.smape(), 1e-9);
  }

  @Test
  void everyHoldoutFailingIsReportedAsAllFailed() {
    DemandForecaster hw = DemandForecaster.holtWintersAdditive(4);
    MethodSummary s = Backtest.evaluate(hw, HOLDOUTS);
    assertTrue(s.allFailed(), s.toString());
    assertEquals(3, s.failureReasons().size());
    assertTrue(s.failureReasons().get(0).startsWith("series a: "), s.failureReasons().get(0));
  }

  @Test
  void evaluateRunsOnTheCallersExecutorAndGivesTheSameSummary() {
    AtomicInteger runs = new AtomicInteger();
    Executor counting = r -> {
      runs.incrementAndGet();
      new Thread(r).start();
    };
    MethodSummary parallel = Backtest.evaluate(List.of(EXPLODES_ON_BOOM), HOLDOUTS, counting)
        .get(0);
    assertEquals(HOLDOUTS.size(), runs.get());
    assertEquals(Backtest.evaluate(EXPLODES_ON_BOOM, HOLDOUTS), parallel);
  }

  @Test
  void tableNamesTheHoldoutColumnAndAlignsLongMethodNames() {
    MethodSummary a = new MethodSummary("a-really-long-forecaster-name-indeed", 3, 0, 1, 1, 1,
        0.8, List.of());
    MethodSummary b = new MethodSummary("ses", 3, 0, 1, 1, 1, 0.8, List.of());
    String[] lines = Backtest.table(List.of(a, b)).split("\n");
    assertTrue(lines[0].contains("holdouts") && !lines[0].contains("series"), lines[0]);
    // Fixed-width columns: every line is as long, whatever the method's name.
    assertEquals(lines[0].length(), lines[1].length(), lines[0] + "\n" + lines[1]);
    assertEquals(lines[1].length(), lines[2].length(), lines[1] + "\n" + lines[2]);
  }
}
