package io.c2m.examples.bench;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalBatch;
import io.c2m.sim.MarketplaceSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Profile ingestion of pre-parsed signals on one thread, per signal: c2m's {@link ProfileStore}
 * fast path against a straightforward {@code HashMap<ConsumerId, HashMap<AttributeValue,
 * Double>>} of boxed values doing the same epoch-anchored decay (and the same with plain
 * {@code String} keys), on the same 1,000,000 signals of
 * 100,000 consumers (each op builds the whole profile set from scratch). Also the record path,
 * {@link ProfileStore#add(Signal)}, which interns ids and items per signal.
 *
 * <p>{@code store} is the bulk path a reader with a batch uses ({@link SignalBatch} filled, then
 * {@link ProfileStore#addAll(SignalBatch)}); {@code storeOneByOne} is one call per signal through
 * the record-free path {@link ProfileStore#add(ConsumerId, io.c2m.Attributes,
 * io.c2m.signal.SignalType, long, double)} (before issue 14, the index path {@code add(int, int,
 * SignalType, long, double)}, which is no longer public). The signals come
 * in one of two orders ({@code order}): {@code consumer}, each consumer's signals together (as
 * drawn), or {@code time}, by instant, consumers interleaved as in a live stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ProfileIngestBenchmark {
  static final int CONSUMERS = 100_000;
  static final int PER_CONSUMER = 10;
  static final int SIGNALS = CONSUMERS * PER_CONSUMER;

  /** The order of the signals: {@code consumer} (as drawn) or {@code time} (interleaved). */
  @Param({"consumer", "time"})
  public String order;

  NicheWorkload w;
  SignalBatch batch;
  List<AttributeValue>[] itemPairs;
  Signal[] records;
  String[] consumerStrings;
  String[][] itemStrings;
  double[] weights;
  double lnTwoPerMilli;

  /** Draws the workload once. */
  @Setup(Level.Trial)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void setUp() {
    w = new NicheWorkload(MarketplaceSpec.nicheEvaluation(), CONSUMERS, PER_CONSUMER, 42);
    if ("time".equals(order)) {
      w = w.inTimeOrder();
    } else if (!"consumer".equals(order)) {
      throw new IllegalArgumentException("The order (" + order + ") must be consumer or time.");
    }
    batch = new SignalBatch(SIGNALS);
    itemPairs = new List[w.items.length];
    for (int i = 0; i < w.items.length; i++) {
      itemPairs[i] = w.items[i].pairs();
    }
    consumerStrings = new String[w.consumers.length];
    for (int c = 0; c < consumerStrings.length; c++) {
      consumerStrings[c] = w.consumers[c].value();
    }
    itemStrings = new String[w.items.length][];
    for (int i = 0; i < w.items.length; i++) {
      itemStrings[i] = itemPairs[i].stream().map(av -> av.key() + "=" + av.value())
          .toArray(String[]::new);
    }
    records = new Signal[w.size()];
    for (int s = 0; s < records.length; s++) {
      records[s] = new Signal(w.consumers[w.consumer[s]], w.type[s],
          java.time.Instant.ofEpochMilli(w.at[s]), w.items[w.item[s]], "bench", w.value[s]);
    }
    ProfileSettings settings = ProfileSettings.defaults();
    weights = new double[io.c2m.signal.SignalType.values().length];
    for (io.c2m.signal.SignalType t : io.c2m.signal.SignalType.values()) {
      weights[t.ordinal()] = settings.weight(t);
    }
    lnTwoPerMilli = Math.log(2) / Duration.ofDays(30).toMillis();
  }

  /**
   * c2m's store, bulk path: consumers and items named once in a reused {@link SignalBatch}, the
   * signals appended to it, then one {@link ProfileStore#addAll(SignalBatch)}.
   *
   * @return the store
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public ProfileStore store() {
    return w.storeBulk(batch);
  }

  /**
   * c2m's store, one call per signal through the record-free path (consent asked and the item
   * looked up by identity per signal).
   *
   * @return the store
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public ProfileStore storeOneByOne() {
    return w.store();
  }

  /**
   * c2m's store, record path: one {@link Signal} per call.
   *
   * @return the store
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public ProfileStore storeRecords() {
    ProfileStore store = new ProfileStore(ProfileSettings.defaults(), c -> true, w.start);
    for (Signal s : records) {
      store.add(s);
    }
    return store;
  }

  /**
   * A second baseline: nested hash maps keyed by plain strings (the consumer id, and
   * {@code "key=value"} per attribute value, both prepared in the setup), boxed doubles, same
   * decay arithmetic.
   *
   * @return the maps
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public Map<String, HashMap<String, Double>> hashMapStringBaseline() {
    Map<String, HashMap<String, Double>> profiles = new HashMap<>();
    long epoch = w.start.toEpochMilli();
    for (int s = 0; s < w.size(); s++) {
      double weight = weights[w.type[s].ordinal()];
      double contribution = weight * Math.exp((w.at[s] - epoch) * lnTwoPerMilli);
      HashMap<String, Double> p =
          profiles.computeIfAbsent(consumerStrings[w.consumer[s]], c -> new HashMap<>());
      for (String av : itemStrings[w.item[s]]) {
        p.merge(av, contribution, Double::sum);
      }
    }
    return profiles;
  }

  /**
   * The baseline: nested hash maps of boxed doubles, same decay arithmetic.
   *
   * @return the maps
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public Map<ConsumerId, HashMap<AttributeValue, Double>> hashMapBaseline() {
    Map<ConsumerId, HashMap<AttributeValue, Double>> profiles = new HashMap<>();
    long epoch = w.start.toEpochMilli();
    for (int s = 0; s < w.size(); s++) {
      double weight = weights[w.type[s].ordinal()];
      double contribution = weight * Math.exp((w.at[s] - epoch) * lnTwoPerMilli);
      HashMap<AttributeValue, Double> p =
          profiles.computeIfAbsent(w.consumers[w.consumer[s]], c -> new HashMap<>());
      for (AttributeValue av : itemPairs[w.item[s]]) {
        p.merge(av, contribution, Double::sum);
      }
    }
    return profiles;
  }
}
