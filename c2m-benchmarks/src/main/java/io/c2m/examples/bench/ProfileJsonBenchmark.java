package io.c2m.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import io.c2m.examples.demo.NicheEventLines;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.json.ProfileSink;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * JSON lines to profiles, per event: 200,000 Segment e-commerce lines (the {@code
 * nicheEvaluation} marketplace, 20,000 consumers) read by {@link EventReader} into a {@link
 * ProfileStore}. In the same run:
 * <ul>
 *   <li>{@code jacksonTokens}, the baseline: Jackson's streaming parser reading every token of the
 *       same bytes with one parser (every scalar's text made), no line splitting, no mapping, no
 *       profiles: the floor of "read this JSON with Jackson";
 *   <li>{@code jsonOnly}: the reader, counting the signals;
 *   <li>{@code jsonToProfilesStoreAdd}: the reader into a store through {@code store::add};
 *   <li>{@code jsonToProfiles}: the reader into a store through {@link ProfileSink}, one thread;
 *   <li>{@code twoPartitions}: {@link ProfileSink#readParallel} over a file of the same lines, two
 *       parts on two threads, one store each, merged.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ProfileJsonBenchmark {
  static final int LINES = 200_000;

  private final JsonFactory factory = new JsonFactory();
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
   * The baseline: every token of the same bytes with one Jackson parser.
   *
   * @param bh sinks the tokens' text
   * @return the number of root values
   * @throws java.io.IOException never (in-memory input)
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int jacksonTokens(Blackhole bh) throws java.io.IOException {
    int roots = JacksonTokens.read(factory.createParser(jsonLines), bh);
    if (roots != LINES) {
      throw new IllegalStateException("Lines lost: " + roots);
    }
    return roots;
  }

  /**
   * Reads the lines from a file in two parts on two threads, one store each, then merges the
   * stores.
   *
   * @return the merged store
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public ProfileStore twoPartitions() {
    ProfileSink.Result r = ProfileSink.readParallel(EventReader.trustingIds(), file, 2,
        () -> new ProfileStore(ProfileSettings.defaults(), c -> true, epoch));
    if (r.report().accepted() != LINES) {
      throw new IllegalStateException("Lines lost: " + r.report());
    }
    return r.store();
  }

  /**
   * Reads every line into a profile store through a {@link ProfileSink}, on one thread.
   *
   * @return the store
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public ProfileStore jsonToProfiles() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, epoch);
    EventReport report = EventReader.trustingIds()
        .read(new ByteArrayInputStream(jsonLines), new ProfileSink(store));
    if (report.accepted() != LINES) {
      throw new IllegalStateException("Lines lost: " + report);
    }
    return store;
  }

  /**
   * Reads every line into a profile store through {@code store::add}, on one thread.
   *
   * @return the store
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public ProfileStore jsonToProfilesStoreAdd() {
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
