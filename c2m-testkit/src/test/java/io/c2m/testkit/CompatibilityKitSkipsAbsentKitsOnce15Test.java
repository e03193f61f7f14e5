package io.c2m.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.demand.DemandForecaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Issue 15 (part 9): the kit of an SPI that an implementation does not provide is skipped once,
 * as a container with the reason, and none of its tests starts; the kits that apply still run.
 * Runs the kit on a fixture that provides a forecaster only, through the JUnit Platform (both
 * engines, jqwik and Jupiter), and reads what the engines report.
 */
class CompatibilityKitSkipsAbsentKitsOnce15Test {
  /** The fixture: a forecaster, nothing else. Nested, so that Surefire does not run it itself. */
  static class ForecasterOnly extends C2mCompatibilityKit {
    @Override
    protected Optional<DemandForecaster> forecaster() {
      return Optional.of(DemandForecaster.naive());
    }
  }

  /** The absent kits, by the simple name of their nested class. */
  private static final Set<String> ABSENT =
      Set.of("BatchingStrategyKit", "NicheInferenceKit", "DesignTailorKit", "OrderStoreKit");

  private static final Recorder RUN = new Recorder();

  @BeforeAll
  static void runTheFixture() {
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(ForecasterOnly.class)).build(), RUN);
  }

  @Test
  void eachAbsentKitIsOneSkippedContainerWithTheReason() {
    assertTrue(!RUN.skipped.isEmpty(), "nothing was skipped");
    Set<String> names = new TreeSet<>();
    for (Skip s : RUN.skipped) {
      assertTrue(s.id.isContainer(), "a test was skipped one by one: " + s.id.getDisplayName());
      assertTrue(s.reason.startsWith("No ") && s.reason.contains("ForecasterOnly")
          && s.reason.endsWith("kit is skipped."), s.reason);
      names.add(classOf(s.id));
    }
    assertEquals(new TreeSet<>(ABSENT), names);
    // One container per absent kit and engine that has tests in it: jqwik runs every kit's
    // properties, Jupiter the order store's examples.
    for (String kit : ABSENT) {
      long n = RUN.skipped.stream().filter(s -> kit.equals(classOf(s.id))).count();
      assertEquals(kit.equals("OrderStoreKit") ? 2 : 1, n, kit + " skipped " + n + " times");
    }
  }

  @Test
  void noTestOfAnAbsentKitStarts() {
    for (TestIdentifier t : RUN.started) {
      String kit = RUN.kitOf(t);
      assertTrue(kit == null || !ABSENT.contains(kit), "started: " + t.getDisplayName()
          + " of " + kit);
    }
  }

  @Test
  void theKitThatAppliesRunsAndPasses() {
    List<TestIdentifier> forecaster = RUN.started.stream()
        .filter(t -> "DemandForecasterKit".equals(RUN.kitOf(t))).toList();
    assertTrue(forecaster.size() >= 5, "forecaster tests run: " + forecaster.size());
    assertEquals(List.of(), RUN.failures, "tests that did not pass");
  }

  /** The simple name of the class a container stands for, or null. */
  private static String classOf(TestIdentifier container) {
    return container.getSource().filter(ClassSource.class::isInstance)
        .map(s -> ((ClassSource) s).getJavaClass().getSimpleName()).orElse(null);
  }

  private record Skip(TestIdentifier id, String reason) {}

  /** Records what the engines report. */
  private static final class Recorder implements TestExecutionListener {
    final List<Skip> skipped = new ArrayList<>();
    final List<TestIdentifier> started = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      skipped.add(new Skip(id, reason));
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isTest()) {
        started.add(id);
      }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        failures.add(id.getDisplayName() + ": " + result);
      }
    }

    /** The simple class name of the nested kit a test belongs to; null outside the kits. */
    String kitOf(TestIdentifier test) {
      for (Optional<TestIdentifier> p = plan.getParent(test); p.isPresent();
          p = plan.getParent(p.get())) {
        // A kit is a container in the fixture's class, which is in the engine's root.
        Optional<TestIdentifier> engine = plan.getParent(p.get()).flatMap(plan::getParent);
        if (engine.isPresent() && plan.getParent(engine.get()).isEmpty()) {
          return classOf(p.get());
        }
      }
      return null;
    }
  }
}
