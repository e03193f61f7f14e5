package io.c2m.examples.sim;

import io.c2m.sim.RunMetrics;
import io.c2m.sim.SimulationListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a simulation's progress: on a terminal a bar redrawn in place with the run, the share done
 * and the time left; elsewhere (a pipe, a CI log) one plain line per finished run with the time
 * left. The time left is the elapsed time per period done times the periods still to run.
 */
public final class ProgressBar implements SimulationListener {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private final LongSupplier nanos;
  private long startNanos = -1;
  private int runs = 1;
  private int run;
  private String label = "";
  private int periods = 1;
  private int lastDrawn = -1;

  /**
   * A progress display.
   *
   * @param out where to write (standard error, typically)
   * @param terminal whether {@code out} is a terminal: redraw a bar in place
   * @param nanos the time source, in nanoseconds ({@code System::nanoTime})
   */
  public ProgressBar(PrintWriter out, boolean terminal, LongSupplier nanos) {
    this.out = out;
    this.terminal = terminal;
    this.nanos = nanos;
  }

  @Override
  public void runStarted(String strategy, long seed, int run, int runs) {
    if (startNanos < 0) {
      startNanos = nanos.getAsLong();
    }
    this.run = run;
    this.runs = runs;
    this.label = strategy + " seed " + seed;
    this.lastDrawn = -1;
  }

  @Override
  public void periodDone(int period, int periods) {
    this.periods = periods;
    if (!terminal) {
      return;
    }
    double done = (run + (period + 1.0) / periods) / runs;
    int percent = (int) (done * 100);
    if (percent == lastDrawn && period + 1 < periods) {
      return;
    }
    lastDrawn = percent;
    int fill = (int) Math.round(done * WIDTH);
    out.print("\r[" + "#".repeat(fill) + "-".repeat(WIDTH - fill) + "] "
        + String.format(Locale.ROOT, "%3d%%", percent) + " run " + (run + 1) + "/" + runs + " "
        + label + ", " + left(done) + " left   ");
    out.flush();
  }

  @Override
  public void runFinished(RunMetrics metrics, int run, int runs) {
    double done = (run + 1.0) / runs;
    if (terminal) {
      if (run + 1 == runs) {
        out.println();
      }
    } else {
      out.println("run " + (run + 1) + "/" + runs + " done: " + label + ", " + left(done)
          + " left");
    }
    out.flush();
  }

  private String left(double done) {
    if (done <= 0) {
      return "?";
    }
    double elapsed = (nanos.getAsLong() - startNanos) / 1e9;
    long secs = Math.round(elapsed / done * (1 - done));
    return secs >= 60 ? secs / 60 + "m" + String.format(Locale.ROOT, "%02d", secs % 60) + "s"
        : secs + "s";
  }
}
