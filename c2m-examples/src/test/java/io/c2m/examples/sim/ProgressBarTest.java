package io.c2m.examples.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void plainLinesOffATerminalWithTheTimeLeft() {
    StringWriter w = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(w), false, now::get);
    bar.runStarted("c2m:group-buy", 1, 0, 2);
    for (int t = 0; t < 10; t++) {
      bar.periodDone(t, 10);
    }
    now.set(10_000_000_000L);
    bar.runFinished(null, 0, 2);
    assertEquals("run 1/2 done: c2m:group-buy seed 1, 10s left\n", w.toString());
  }

  @Test
  void aBarRedrawnInPlaceOnATerminal() {
    StringWriter w = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(w), true, now::get);
    bar.runStarted("make-to-stock", 7, 0, 1);
    now.set(5_000_000_000L);
    bar.periodDone(4, 10);
    assertTrue(w.toString().startsWith("\r[###############---------------]  50% run 1/1 "
        + "make-to-stock seed 7, 5s left"), w.toString());
  }
}
