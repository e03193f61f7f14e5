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
}
