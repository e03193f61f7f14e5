package io.c2m.examples.bench;

import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.sim.MarketplaceSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON lines to profiles, per event: Segment e-commerce lines in memory, read by {@link
 * EventReader} into a {@link ProfileStore} on one thread. The baseline reads the same lines and
 * only counts the signals, so the difference is the cost of profiling. {@code twoPartitions} reads
 * the same lines from a file in two parts at once ({@link EventReader#readParallel}), one store
 * per part, and merges the stores: the mergeable profiles at work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ProfileJsonBenchmark {
  static final int LINES = 200_000;

  byte[] jsonLines;
  java.time.Instant epoch;
  java.nio.file.Path file;

  /** Writes the lines once. */
  @Setup(Level.Trial)
  public void setUp() {
    NicheWorkload w = new NicheWorkload(MarketplaceSpec.nicheEvaluation(), LINES / 10, 10, 42);
    StringBuilder all = new StringBuilder(LINES * 220);
    StringBuilder line = new StringBuilder(256);
    for (int s = 0; s < w.size(); s++) {
      line.setLength(0);
      NicheEventLines.line(new Signal(w.consumers[w.consumer[s]], w.type[s],
          java.time.Instant.ofEpochMilli(w.at[s]), w.items[w.item[s]], "bench", w.value[s]), line);
      all.append(line).append('\n');
    }
    jsonLines = all.toString().getBytes(StandardCharsets.UTF_8);
    epoch = w.start;
    try {
      file = java.nio.file.Files.createTempFile("c2m-profile-json", ".jsonl");
      file.toFile().deleteOnExit();
      java.nio.file.Files.write(file, jsonLines);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Reads the lines from a file in two parts at once, one store each, then merges the stores.
   *
   * @return the merged store
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public ProfileStore twoPartitions() {
    ProfileStore[] stores = new ProfileStore[2];
    EventReport report = EventReader.trustingIds().readParallel(file, 2, i -> {
      stores[i] = new ProfileStore(ProfileSettings.defaults(), c -> true, epoch);
      return stores[i]::add;
    });
    if (report.accepted() != LINES) {
      throw new IllegalStateException("Lines lost: " + report);
    }
    return stores[0].merge(stores[1]);
  }

  /**
   * Reads every line into a profile store.
   *
   * @return the store
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public ProfileStore jsonToProfiles() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, epoch);
    EventReport report =
        EventReader.trustingIds().read(new ByteArrayInputStream(jsonLines), store::add);
    if (report.accepted() != LINES) {
      throw new IllegalStateException("Lines lost: " + report);
    }
    return store;
  }

  /**
   * Reads every line and only counts the signals.
   *
   * @return the count
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long jsonOnly() {
    long[] count = new long[1];
    EventReader.trustingIds().read(new ByteArrayInputStream(jsonLines), s -> count[0]++);
    return count[0];
  }
}
