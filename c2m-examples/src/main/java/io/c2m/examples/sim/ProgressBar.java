package io.c2m.examples.sim;

import io.c2m.C2mListener;
import io.c2m.sim.RunMetrics;
import io.c2m.sim.SimulationListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows the progress of long work: on a terminal a bar redrawn in place with the share done and
 * the time left; elsewhere (a pipe, a CI log) plain lines. One display for the two sources of
 * progress: a simulation ({@link SimulationListener}: a bar over the runs, a plain line per
 * finished run) and the engine's or an evaluation's tasks ({@link C2mListener#progress}: a bar per
 * task, a plain line per tenth done). The time left is the elapsed time per unit done times the
 * units still to do.
 */
public final class ProgressBar implements SimulationListener, C2mListener {
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
  private String task = "";
  private long taskStartNanos;
  private int taskLastPercent = -1;

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

  @Override
  public void progress(String name, long done, long total) {
    if (!name.equals(task)) {
      task = name;
      taskStartNanos = nanos.getAsLong();
      taskLastPercent = -1;
    }
    double f = total <= 0 ? 1 : Math.min(1.0, Math.max(0.0, (double) done / total));
    int percent = (int) (f * 100);
    boolean end = done >= total;
    if (terminal) {
      if (percent == taskLastPercent && !end) {
        return;
      }
      int fill = (int) Math.round(f * WIDTH);
      out.print("\r[" + "#".repeat(fill) + "-".repeat(WIDTH - fill) + "] "
          + String.format(Locale.ROOT, "%3d%% %s %,d/%,d, %s left   ", percent, name, done,
          total, left(f, taskStartNanos)));
      if (end) {
        out.println();
      }
    } else {
      if (taskLastPercent >= 0 && percent / 10 == taskLastPercent / 10 && !end) {
        return;
      }
      out.println(String.format(Locale.ROOT, "%s: %d%% (%,d/%,d), %s left", name, percent, done,
          total, left(f, taskStartNanos)));
    }
    taskLastPercent = end ? -1 : percent;
    if (end) {
      task = "";
    }
    out.flush();
  }

  private String left(double done) {
    return left(done, startNanos);
  }

  private String left(double done, long since) {
    if (done <= 0) {
      return "?";
    }
    double elapsed = (nanos.getAsLong() - since) / 1e9;
    long secs = Math.round(elapsed / done * (1 - done));
    return secs >= 60 ? secs / 60 + "m" + String.format(Locale.ROOT, "%02d", secs % 60) + "s"
        : secs + "s";
  }
}
