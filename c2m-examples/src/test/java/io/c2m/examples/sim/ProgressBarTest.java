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

  @Test
  void aTaskShowsAPlainLinePerTenthOffATerminal() {
    StringWriter w = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(w), false, now::get);
    for (int i = 0; i <= 200_000; i += 1000) {
      now.set(i * 10_000L); // 10 microseconds a unit: 2 s in all
      bar.progress("ingest", i, 200_000);
    }
    String[] lines = w.toString().split("\n");
    assertEquals(11, lines.length, w.toString());
    assertEquals("ingest: 0% (0/200,000), ? left", lines[0]);
    assertEquals("ingest: 50% (100,000/200,000), 1s left", lines[5]);
    assertEquals("ingest: 100% (200,000/200,000), 0s left", lines[10]);
  }

  @Test
  void aTaskBarEndsItsLineWhenDone() {
    StringWriter w = new StringWriter();
    AtomicLong now = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(w), true, now::get);
    bar.progress("evaluate", 1, 4);
    now.set(3_000_000_000L);
    bar.progress("evaluate", 4, 4);
    assertTrue(w.toString().startsWith("\r[########----------------------]  25% evaluate 1/4"),
        w.toString());
    assertTrue(w.toString().endsWith("100% evaluate 4/4, 0s left   \n"), w.toString());
  }
}
