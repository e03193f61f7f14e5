package io.c2m.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.c2m.examples.demo.NicheEventLines;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.json.ProfileSink;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.sim.MarketplaceSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The workload of {@link ProfileJsonBenchmark} timed in thread CPU time rather than wall-clock,
 * for a shared machine whose load makes JMH's wall-clock scores swing by more than the effect
 * measured: CPU time leaves out the time other processes hold the cores (not the cache and
 * memory-bus contention they cause, so figures are still pessimistic under load). Each round runs
 * every variant once on the same 200,000 lines, in the same JVM, and the report gives the median
 * of the last half of the rounds (the first half warms up the JIT), in lines per CPU-second and
 * as a ratio to the Jackson baseline of the same rounds.
 *
 * <p>Two threads: the lines are cut in two at a line boundary, each half is read on its own
 * thread into its own store, and the stores are merged; the figure is lines divided by the larger
 * of the two threads' CPU times plus the merge's, that is the wall-clock time two otherwise idle
 * cores would need. It is an estimate, stated as such.
 *
 * <p>Usage: {@code java -cp c2m-benchmarks/target/benchmarks.jar
 * io.c2m.examples.bench.ProfileJsonCpuTime [rounds]} (default 30).
 */
public final class ProfileJsonCpuTime {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private ProfileJsonCpuTime() {}

  /**
   * Runs the rounds and prints the medians.
   *
   * @param args optionally the number of rounds
   * @throws InterruptedException if interrupted while waiting for the two reading threads
   */
  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    NicheWorkload w = new NicheWorkload(MarketplaceSpec.nicheEvaluation(),
        ProfileJsonBenchmark.LINES / 10, 10, 42);
    StringBuilder all = new StringBuilder(ProfileJsonBenchmark.LINES * 220);
    StringBuilder line = new StringBuilder(256);
    for (int s = 0; s < w.size(); s++) {
      line.setLength(0);
      NicheEventLines.line(new Signal(w.consumers[w.consumer[s]], w.type[s],
          Instant.ofEpochMilli(w.at[s]), w.items[w.item[s]], "bench", w.value[s]), line);
      all.append(line).append('\n');
    }
    byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
    int half = bytes.length / 2;
    while (bytes[half - 1] != '\n') {
      half++;
    }
    byte[] first = Arrays.copyOfRange(bytes, 0, half);
    byte[] second = Arrays.copyOfRange(bytes, half, bytes.length);
    Instant epoch = w.start;
    int lines = w.size();
    String[] names = {"jacksonTokens", "jsonOnly", "jsonToProfilesStoreAdd",
        "jsonToProfiles (ProfileSink)", "two threads (ProfileSink, merged)"};
    double[][] rates = new double[names.length][rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = MX.getCurrentThreadCpuTime();
      jacksonTokens(bytes);
      long t1 = MX.getCurrentThreadCpuTime();
      long[] count = new long[1];
      check(EventReader.trustingIds().read(new ByteArrayInputStream(bytes), s -> count[0]++),
          lines);
      long t2 = MX.getCurrentThreadCpuTime();
      ProfileStore a = new ProfileStore(ProfileSettings.defaults(), c -> true, epoch);
      check(EventReader.trustingIds().read(new ByteArrayInputStream(bytes), a::add), lines);
      long t3 = MX.getCurrentThreadCpuTime();
      ProfileStore b = new ProfileStore(ProfileSettings.defaults(), c -> true, epoch);
      check(EventReader.trustingIds().read(new ByteArrayInputStream(bytes), new ProfileSink(b)),
          lines);
      long t4 = MX.getCurrentThreadCpuTime();
      rates[0][r] = lines / ((t1 - t0) / 1e9);
      rates[1][r] = lines / ((t2 - t1) / 1e9);
      rates[2][r] = lines / ((t3 - t2) / 1e9);
      rates[3][r] = lines / ((t4 - t3) / 1e9);
      rates[4][r] = lines / (twoThreads(first, second, epoch) / 1e9);
    }
    System.out.printf(Locale.ROOT, "%d lines, median of rounds %d..%d, lines per CPU-second:%n",
        lines, rounds / 2 + 1, rounds);
    double base = median(rates[0], rounds / 2);
    for (int k = 0; k < names.length; k++) {
      double m = median(rates[k], rounds / 2);
      System.out.printf(Locale.ROOT, "  %-36s %6.2f M  (%.2fx the Jackson baseline)%n",
          names[k], m / 1e6, m / base);
    }
  }

  /** CPU nanoseconds: the larger of the two reading threads' plus the merge's. */
  private static long twoThreads(byte[] first, byte[] second, Instant epoch)
      throws InterruptedException {
    ProfileStore[] stores = new ProfileStore[2];
    long[] cpu = new long[2];
    Thread[] threads = new Thread[2];
    byte[][] parts = {first, second};
    for (int i = 0; i < 2; i++) {
      int part = i;
      threads[i] = new Thread(() -> {
        long t = MX.getCurrentThreadCpuTime();
        stores[part] = new ProfileStore(ProfileSettings.defaults(), c -> true, epoch);
        EventReader.trustingIds().read(new ByteArrayInputStream(parts[part]),
            new ProfileSink(stores[part]));
        cpu[part] = MX.getCurrentThreadCpuTime() - t;
      });
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long m0 = MX.getCurrentThreadCpuTime();
    stores[0].merge(stores[1]);
    long merge = MX.getCurrentThreadCpuTime() - m0;
    return Math.max(cpu[0], cpu[1]) + merge;
  }

  private static void check(EventReport r, int lines) {
    if (r.accepted() != lines) {
      throw new IllegalStateException("Lines lost: " + r);
    }
  }

  private static long jacksonTokens(byte[] bytes) {
    long chars = 0;
    try (JsonParser p = new JsonFactory().createParser(bytes)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t.isScalarValue()) {
          chars += p.getText().length();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return chars;
  }

  private static double median(double[] x, int from) {
    double[] y = Arrays.copyOfRange(x, from, x.length);
    Arrays.sort(y);
    return y[y.length / 2];
  }
}
