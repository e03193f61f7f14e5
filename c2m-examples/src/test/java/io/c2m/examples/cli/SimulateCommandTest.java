package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.sim.SimulationSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void helpDocumentsEveryKnob() {
    assertEquals(0, run("simulate", "--help"));
    for (String knob : SimulationSettings.knobs().keySet()) {
      if (!knob.equals("niches")) {
        assertTrue(out.toString().contains(knob), knob);
      }
    }
    assertTrue(out.toString().contains("--strategies") && out.toString().contains("--seeds"));
  }

  @Test
  void anUnknownStrategyListsTheKnownOnes() {
    assertEquals(2, run("simulate", "--strategies", "make-to-stock,bogus"));
    assertTrue(err.toString().contains("bogus") && err.toString().contains("c2m:wagner-whitin"),
        err.toString());
  }

  @Test
  void anImpossibleSettingIsRefusedWithItsNameAndValue() {
    assertEquals(2, run("simulate", "--set", "priceElasticity=-1"));
    assertTrue(err.toString().contains("priceElasticity (-1.0)"), err.toString());
    assertEquals(2, run("simulate", "--set", "capacity=0"));
    assertTrue(err.toString().contains("capacity (0)"), err.toString());
    assertEquals(2, run("simulate", "--set", "patience=5"));
    assertTrue(err.toString().contains("patience (5.0)"), err.toString());
  }

  @Test
  void theDemoEndsWithAComparison() {
    String text = io.c2m.examples.sim.DemoComparison.format(1500, 3);
    assertTrue(text.contains("C2M against make-to-stock") && text.contains("c2m:wagner-whitin")
        && text.contains("fillRate") && text.contains("lead time 14 days"), text);
  }

  @Test
  void aSmallRunWritesTheFilesAndPrintsTheTable(@TempDir Path dir) throws Exception {
    assertEquals(0, run("simulate", "--strategies", "make-to-stock,c2m:wagner-whitin",
        "--periods", "30", "--seeds", "2", "--consumers", "1200", "--set", "seasonLength=15",
        "--set", "discoverEvery=10", "--set", "minimumAudience=10", "--no-report", "--out",
        dir.toString()), err.toString());
    assertTrue(out.toString().contains("margin") && out.toString().contains("make-to-stock")
        && out.toString().contains("Assumptions: 1200 consumers, 30 days"), out.toString());
    String runs = Files.readString(dir.resolve("runs.csv"));
    assertEquals(5, runs.lines().count(), runs);
    assertTrue(err.toString().contains("run 4/4 done"), err.toString());
  }

  /** Issue 15: the runs go on threads, the output does not change by a byte. */
  @Test
  void threadsChangeNoByteOfTheOutput(@TempDir Path dir) throws Exception {
    String[] common = {"simulate", "--strategies", "make-to-stock,c2m:group-buy", "--periods",
        "30", "--seeds", "2", "--consumers", "1200", "--set", "seasonLength=15", "--set",
        "discoverEvery=10", "--set", "minimumAudience=10", "--no-report"};
    for (String threads : new String[] {"1", "3"}) {
      String[] args = java.util.Arrays.copyOf(common, common.length + 4);
      args[common.length] = "--threads";
      args[common.length + 1] = threads;
      args[common.length + 2] = "--out";
      args[common.length + 3] = dir.resolve(threads).toString();
      assertEquals(0, run(args), err.toString());
    }
    for (String file : new String[] {"runs.csv", "summary.csv", "paired.csv",
        "comparison.json"}) {
      assertEquals(Files.readString(dir.resolve("1").resolve(file)),
          Files.readString(dir.resolve("3").resolve(file)), file);
    }
    assertEquals(2, run("simulate", "--threads", "0"));
    assertTrue(err.toString().contains("--threads (0) must be from 1 to 256"), err.toString());
  }
}
