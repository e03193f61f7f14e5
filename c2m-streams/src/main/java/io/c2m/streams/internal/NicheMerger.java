package io.c2m.streams.internal;

import io.c2m.streams.CandidateCounts;
import io.c2m.streams.NicheCandidates;
import io.c2m.streams.NicheResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest candidate counts of every partition (one task: the counts topic has one
 * partition) and, on each new count, merges them all and mines the niches ({@link
 * NicheCandidates#mine}); the result is kept for interactive queries and forwarded to the niches
 * topic.
 */
public final class NicheMerger implements Processor<String, CandidateCounts, String, NicheResult> {
  /** The key of the latest result in the niches store and topic. */
  public static final String LATEST = "latest";

  private final int minimumAudience;
  private final long seed;
  private final String candidatesName;
  private final String nichesName;
  private ProcessorContext<String, NicheResult> context;
  private KeyValueStore<Integer, CandidateCounts> candidates;
  private KeyValueStore<String, NicheResult> niches;

  /**
   * Creates the merger.
   *
   * @param minimumAudience the least audience over all partitions
   * @param seed the request seed
   * @param candidatesName the store of each partition's latest counts
   * @param nichesName the store of the latest result
   */
  public NicheMerger(int minimumAudience, long seed, String candidatesName, String nichesName) {
    this.minimumAudience = minimumAudience;
    this.seed = seed;
    this.candidatesName = candidatesName;
    this.nichesName = nichesName;
  }

  @Override
  public void init(ProcessorContext<String, NicheResult> c) {
    this.context = c;
    this.candidates = c.getStateStore(candidatesName);
    this.niches = c.getStateStore(nichesName);
  }

  @Override
  public void process(Record<String, CandidateCounts> record) {
    CandidateCounts counts = record.value();
    if (counts == null) {
      return;
    }
    candidates.put(counts.partition(), counts);
    List<CandidateCounts> all = new ArrayList<>();
    try (KeyValueIterator<Integer, CandidateCounts> it = candidates.all()) {
      it.forEachRemaining(kv -> all.add(kv.value));
    }
    NicheResult result = NicheCandidates.mine(all, minimumAudience, seed);
    niches.put(LATEST, result);
    context.forward(new Record<>(LATEST, result, record.timestamp()));
  }
}
