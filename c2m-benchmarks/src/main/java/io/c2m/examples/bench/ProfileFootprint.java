package io.c2m.examples.bench;

import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.ProfileStore;
import io.c2m.sim.MarketplaceSpec;
import java.util.List;
import java.util.Locale;

/**
 * Prints the memory of profiles and the end-to-end time of niche discovery at scale: bytes per
 * consumer of the store's evidence arrays, and of the whole store measured on the heap (including
 * the id, value and item dictionaries); then the time to build the store, to read the profiles and
 * to mine them, in wall-clock and in CPU time of the process (the honest figure on a shared
 * machine: wall-clock there depends on the other tenants). Run: {@code java -Xmx8g -cp benchmarks.jar io.c2m.examples.bench.ProfileFootprint
 * [consumers] [signalsPerConsumer]}.
 */
public final class ProfileFootprint {
  private ProfileFootprint() {}

  /** Builds a second store through the bulk path; its evidence bytes per consumer profile. */
  private static double bulkEvidenceBytesPerProfile(NicheWorkload w) {
    ProfileStore bulk = w.storeBulk(new io.c2m.signal.SignalBatch(w.size()));
    return (double) bulk.evidenceBytes() / bulk.consumers();
  }

  /**
   * Runs the measurement.
   *
   * @param args consumers (default 1,000,000) and signals per consumer (default 20)
   */
  public static void main(String[] args) {
    int consumers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int perConsumer = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    NicheWorkload w =
        new NicheWorkload(MarketplaceSpec.nicheEvaluation(), consumers, perConsumer, 42);
    long before = usedAfterGc();
    long t0 = System.nanoTime();
    long c0 = cpu();
    ProfileStore store = w.store();
    long c1 = cpu();
    long t1 = System.nanoTime();
    long after = usedAfterGc();
    System.out.printf(Locale.ROOT, "%,d consumers x %d signals: store built in %.2f s (%.2f s of "
        + "CPU: %.1f M signals per CPU-second)%n", consumers, perConsumer, (t1 - t0) / 1e9,
        (c1 - c0) / 1e9, w.size() / ((c1 - c0) / 1e3));
    System.out.printf(Locale.ROOT, "evidence arrays: %.0f bytes per consumer profile%n",
        (double) store.evidenceBytes() / store.consumers());
    System.out.printf(Locale.ROOT, "interest timeline table: %,d bytes (%.1f bytes per consumer "
        + "profile)%n", store.timelineBytes(), (double) store.timelineBytes() / store.consumers());
    System.out.printf(Locale.ROOT, "whole store on the heap (with dictionaries and timeline): %.0f "
        + "bytes per consumer profile%n", (double) (after - before) / store.consumers());
    // The bulk path writes each consumer's first run as a compact row: its evidence arrays.
    System.out.printf(Locale.ROOT, "bulk path (one SignalBatch): evidence arrays: %.0f bytes per "
        + "consumer profile%n", bulkEvidenceBytesPerProfile(w));
    // End to end from the store, directly (no ConsumerProfile records): read-out plus mining.
    int minAudience = Math.max(25, consumers / 240);
    for (int run = 1; run <= 2; run++) {
      long d0 = System.nanoTime();
      long dc0 = cpu();
      List<Niche> direct = NicheInference.attributeMiner().infer(store, minAudience, w.end, 42);
      long dc1 = cpu();
      long d1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "end to end from the store's arrays (run %d): %.2f s (%.2f s "
          + "of CPU) on %d cores: %d niches%n", run, (d1 - d0) / 1e9, (dc1 - dc0) / 1e9,
          Runtime.getRuntime().availableProcessors(), direct.size());
    }
    long t2 = System.nanoTime();
    long c2 = cpu();
    List<ConsumerProfile> profiles = store.profiles(w.end);
    long c3 = cpu();
    long t3 = System.nanoTime();
    NicheRequest request = new NicheRequest(profiles, minAudience, w.end, 42,
        store.timeline());
    long t4 = System.nanoTime();
    long c4 = cpu();
    List<Niche> niches = NicheInference.attributeMiner().infer(request);
    long c5 = cpu();
    long t5 = System.nanoTime();
    System.out.printf(Locale.ROOT, "object path: profiles read in %.2f s (%.2f s of CPU); attribute-miner in "
        + "%.2f s (%.2f s of CPU) on %d cores: %d niches%n", (t3 - t2) / 1e9, (c3 - c2) / 1e9,
        (t5 - t4) / 1e9, (c5 - c4) / 1e9, Runtime.getRuntime().availableProcessors(),
        niches.size());
    System.out.println("store path and object path give equal niches: "
        + niches.equals(NicheInference.attributeMiner().infer(store, minAudience, w.end, 42)));
    niches.forEach(n -> System.out.println("  " + n.definition() + " audience " + n.audience()));
  }

  /**
   * CPU time of the whole process (all threads, including the collector's), in nanoseconds; wall
   * time where the JVM does not report it. Also used by {@link ProfileIngestCpu}.
   *
   * @return nanoseconds
   */
  static long cpu() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return System.nanoTime();
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
