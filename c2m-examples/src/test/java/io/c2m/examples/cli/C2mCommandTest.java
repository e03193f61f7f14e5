package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line answers help and bad arguments with text and an exit code, never a trace. */
public class C2mCommandTest {
  /** The exit code and output of a run. */
  public record Outcome(int code, String out, String err) {}

  /** Runs the command line in process. */
  public static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheCommands() {
    Outcome o = run("--help");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("demo"), o.out());
    assertEquals(0, run("demo", "--help").code());
    assertEquals(0, run("help", "demo").code());
  }

  @Test
  void missingCommandIsAUsageError() {
    Outcome o = run();
    assertEquals(2, o.code());
    assertTrue(o.err().contains("Missing a command"), o.err());
    assertTrue(o.err().contains("Usage: c2m"), o.err());
  }

  @Test
  void badArgumentsGiveUsageAndExitTwoWithoutAStackTrace() {
    for (String[] args : new String[][] {
        {"nonsense"}, {"demo", "--seed", "abc"}, {"demo", "--consumers", "10"},
        {"demo", "--min-audience", "0"}, {"demo", "--unknown"}}) {
      Outcome o = run(args);
      assertEquals(2, o.code(), String.join(" ", args) + " -> " + o.err());
      assertFalse(o.err().contains("\tat "), "stack trace for " + String.join(" ", args));
      assertTrue(o.err().contains("Usage:"), o.err());
    }
  }

  /** Issue 13 part 8: every help has examples, exit codes and readable placeholders. */
  @Test
  void everyHelpHasExamplesExitCodesAndReadablePlaceholders() {
    java.util.regex.Pattern javaName = java.util.regex.Pattern.compile("<[a-z]+[A-Z][A-Za-z]*>");
    java.util.regex.Pattern letter = java.util.regex.Pattern.compile("--[a-z-]+[= ][A-Z]\\b");
    for (String command : C2mCommand.commandLine().getSubcommands().keySet()) {
      if (command.equals("help")) {
        continue;
      }
      Outcome o = run(command, "--help");
      assertEquals(0, o.code(), command);
      assertTrue(o.out().contains("Exit codes:"), command + " --help:\n" + o.out());
      assertTrue(o.out().contains("Example"), command + " --help:\n" + o.out());
      assertFalse(javaName.matcher(o.out()).find(), command + " --help:\n" + o.out());
      assertFalse(letter.matcher(o.out()).find(), command + " --help:\n" + o.out());
      String examples = o.out().substring(o.out().indexOf("Example"));
      // the examples block, up to its first blank line: every line indented, none wrapped
      examples.lines().skip(1).takeWhile(l -> !l.isBlank()).filter(l -> !l.startsWith("  "))
          .findFirst().ifPresent(l -> {
            throw new AssertionError(command + ": an example wrapped: " + l);
          });
    }
    String plan = run("plan", "--help").out();
    assertTrue(plan.contains("--setup-cost=<setup-cost>"), plan);
    assertTrue(plan.contains("wagner-whitin") && plan.contains("silver-meal"), plan);
    assertTrue(plan.contains("holt-winters-additive") || plan.contains("auto"), plan);
    String demo = run("demo", "--help").out();
    assertTrue(demo.contains("--min-audience=<min-audience>"), demo);
    String simulate = run("simulate", "--help").out();
    assertTrue(simulate.contains("c2m:wagner-whitin") && simulate.contains("attribute-miner"),
        simulate);
  }

  @Test
  void tablesAreAsWideAsTheirData() {
    TextTable t = new TextTable("  ", "design", "units>", "spec");
    t.row("a-very-long-design-id-that-would-overflow-a-fixed-column-of-twenty", 7, "x");
    t.row("short", 1234, "y");
    assertEquals("""
          design                                                              units  spec
          a-very-long-design-id-that-would-overflow-a-fixed-column-of-twenty      7  x
          short                                                                1234  y
        """, t.toString());
  }
}
