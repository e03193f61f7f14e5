package io.c2m.examples.bench;

import io.c2m.signal.InterestTimeline;
import io.c2m.signal.PreferredValues;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.SignalBatch;
import io.c2m.sim.MarketplaceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Ingestion with a discovery's reads in between, as the simulation lab does it (issue 15): the
 * signals of {@link NicheWorkload} in time order (by default 100,000 consumers, 10 signals each)
 * added in slices through {@link ProfileStore#addAll(SignalBatch)}, and after each slice {@link
 * ProfileStore#timeline()} and {@link ProfileStore#preferredValues(Instant)} read once, each phase
 * timed in CPU time of the calling thread (to the nanosecond; the read-outs' helper threads, if
 * any, are not counted, so run it with one core or compare like with like).
 *
 * <p>Given benchmark jars, it runs the same {@link Slices} code against the c2m classes of each
 * jar, in class loaders of their own, alternately round by round, and prints the medians and the
 * per-round ratios (second jar over first): {@code java -cp benchmarks.jar
 * io.c2m.examples.bench.ProfileIngestTimeline [rounds] [slices] [consumers] [JAR...]}. The jars
 * need the public API of {@code SignalBatch} with references (issue 14) and {@link NicheWorkload}.
 * Each round prints a checksum of the last timeline and preferred values: equal checksums, equal
 * results.
 */
public final class ProfileIngestTimeline {
  private ProfileIngestTimeline() {}

  /**
   * The measured work; references the c2m classes of whatever class loader defines it, and
   * nothing of the enclosing class.
   */
  public static final class Slices {
    private Slices() {}

    /**
     * Draws the workload, then ingests it in slices with the reads in between.
     *
     * @param slices how many slices (discoveries)
     * @param consumers how many consumers (10 signals each)
     * @return CPU nanoseconds of ingestion, of the timeline reads, of the preferred-values reads,
     *     and a checksum of the last read-outs
     */
    public static long[] run(int slices, int consumers) {
      NicheWorkload w = new NicheWorkload(MarketplaceSpec.nicheEvaluation(), consumers, 10, 42)
          .inTimeOrder();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      ProfileStore store =
          new ProfileStore(io.c2m.signal.ProfileSettings.defaults(), c -> true, w.start);
      int n = w.size();
      int[] cRef = new int[w.consumers.length];
      int[] iRef = new int[w.items.length];
      SignalBatch batch = new SignalBatch();
      long ingest = 0;
      long timeline = 0;
      long preferred = 0;
      long checksum = 0;
      for (int k = 0; k < slices; k++) {
        int from = (int) ((long) n * k / slices);
        int to = (int) ((long) n * (k + 1) / slices);
        long t0 = threads.getCurrentThreadCpuTime();
        batch.clear();
        Arrays.fill(cRef, -1);
        Arrays.fill(iRef, -1);
        for (int s = from; s < to; s++) {
          int c = cRef[w.consumer[s]];
          if (c < 0) {
            c = batch.consumerRef(w.consumers[w.consumer[s]]);
            cRef[w.consumer[s]] = c;
          }
          int i = iRef[w.item[s]];
          if (i < 0) {
            i = batch.itemRef(w.items[w.item[s]]);
            iRef[w.item[s]] = i;
          }
          batch.add(c, i, w.type[s], w.at[s], w.value[s]);
        }
        store.addAll(batch);
        long t1 = threads.getCurrentThreadCpuTime();
        InterestTimeline tl = store.timeline();
        long t2 = threads.getCurrentThreadCpuTime();
        PreferredValues pv = store.preferredValues(Instant.ofEpochMilli(w.at[to - 1]));
        long t3 = threads.getCurrentThreadCpuTime();
        ingest += t1 - t0;
        timeline += t2 - t1;
        preferred += t3 - t2;
        checksum = tl.hashCode();
        for (int row = 0; row < pv.size(); row++) {
          checksum = 31 * checksum + pv.consumer(row).hashCode();
          for (int e = pv.start(row); e < pv.end(row); e++) {
            checksum = 31 * checksum + pv.value(pv.valueId(e)).hashCode();
            checksum = 31 * checksum + Double.doubleToLongBits(pv.affinity(e));
          }
        }
      }
      return new long[] {ingest, timeline, preferred, checksum};
    }
  }

  /**
   * Runs the measurement.
   *
   * @param args rounds (default 5), slices (default 26), consumers (default 100,000), then the
   *     jars to compare (none: this jar's classes alone)
   * @throws Exception if a jar cannot be read
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int slices = args.length > 1 ? Integer.parseInt(args[1]) : 26;
    int consumers = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int jars = Math.max(1, args.length - 3);
    Method[] run = new Method[jars];
    for (int j = 0; j < jars; j++) {
      Class<?> c = args.length > 3
          ? new Loader(Path.of(args[3 + j]).toUri().toURL()).loadClass(Slices.class.getName())
          : Slices.class;
      run[j] = c.getMethod("run", int.class, int.class);
    }
    String[] phases = {"ingest", "timeline", "preferredValues"};
    double[][][] ms = new double[jars][3][rounds];
    for (int r = -1; r < rounds; r++) {
      for (int k = 0; k < jars; k++) {
        int j = (r & 1) == 0 ? k : jars - 1 - k;
        long[] out = (long[]) run[j].invoke(null, slices, consumers);
        System.out.printf(Locale.ROOT, "round %d jar %d: ingest %.0f ms, timeline %.0f ms, "
            + "preferredValues %.0f ms, checksum %x%n", r, j, out[0] / 1e6, out[1] / 1e6,
            out[2] / 1e6, out[3]);
        for (int p = 0; r >= 0 && p < 3; p++) {
          ms[j][p][r] = out[p] / 1e6;
        }
      }
    }
    for (int p = 0; p < 3; p++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s", phases[p]));
      for (int j = 0; j < jars; j++) {
        line.append(String.format(Locale.ROOT, " jar %d median %8.1f ms CPU", j,
            median(ms[j][p])));
      }
      for (int j = 1; j < jars; j++) {
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratio[r] = ms[j][p][r] / ms[0][p][r];
        }
        line.append(String.format(Locale.ROOT, "; jar %d / jar 0 per round: median %.3f", j,
            median(ratio)));
      }
      System.out.println(line);
    }
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /** Defines {@link Slices} anew from this jar's bytes; every other class from the given jar. */
  private static final class Loader extends URLClassLoader {
    Loader(URL jar) {
      super(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(Slices.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          String file = name.replace('.', '/') + ".class";
          try (InputStream in = ProfileIngestTimeline.class.getClassLoader()
              .getResourceAsStream(file)) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return c;
      }
    }
  }
}
