package io.c2m.examples.bench;

import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheRequest;
import io.c2m.signal.ConsumerProfile;
import io.c2m.signal.InterestTimeline;
import io.c2m.signal.ProfileStore;
import io.c2m.sim.MarketplaceSpec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code attribute-miner} over {@code consumers} consumers with 20 signals each (the planted niches
 * of {@link MarketplaceSpec#nicheEvaluation()} scaled up, the rest noise), on the profiles decayed
 * to the end of the window. Single-shot: one inference per measurement. The top level of FP-growth
 * runs on the common fork-join pool, so it uses the machine's cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class NicheMinerBenchmark {
  @Param({"1000000"})
  int consumers;

  NicheRequest request;
  ProfileStore store;
  Instant end;
  int minAudience;

  /** Builds the profiles once. */
  @Setup(Level.Trial)
  public void setUp() {
    NicheWorkload w = new NicheWorkload(MarketplaceSpec.nicheEvaluation(), consumers, 20, 42);
    store = w.store();
    end = w.end;
    minAudience = Math.max(25, consumers / 240);
    List<ConsumerProfile> profiles = store.profiles(w.end);
    InterestTimeline timeline = store.timeline();
    request = new NicheRequest(profiles, minAudience, w.end, 42, timeline);
  }

  /**
   * Mines the niches.
   *
   * @return the niches
   */
  @Benchmark
  public List<Niche> attributeMiner() {
    return NicheInference.attributeMiner().infer(request);
  }

  /**
   * End to end from the store, directly: the attribute-miner reads the preferred values out of the
   * store's arrays ({@code ProfileStore.preferredValues}) and mines them, with the same result as
   * {@link #profilesAndMiner()}.
   *
   * @return the niches
   */
  @Benchmark
  public List<Niche> storeMiner() {
    return NicheInference.attributeMiner().infer(store, minAudience, end, 42);
  }

  /**
   * End to end from the store: reads the profiles out of the store into records, builds the
   * request and mines, as {@code C2m.discoverNiches} does (less the consent filter).
   *
   * @return the niches
   */
  @Benchmark
  public List<Niche> profilesAndMiner() {
    NicheRequest r = new NicheRequest(store.profiles(end), minAudience, end, 42, store.timeline());
    return NicheInference.attributeMiner().infer(r);
  }
}
