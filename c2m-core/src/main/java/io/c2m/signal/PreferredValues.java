package io.c2m.signal;

import io.c2m.AttributeValue;
import io.c2m.ConsumerId;
import java.time.Instant;
import java.util.Objects;

/**
 * Every consumer's preferred attribute values as of an instant, read out of a {@link
 * ProfileStore} in primitive arrays ({@link ProfileStore#preferredValues(Instant)}): what
 * niche mining needs, without a {@link ConsumerProfile} per consumer.
 *
 * <p>Row {@code r} is one consumer (rows in consumer id order); its entries {@code i} in {@code
 * [start(r), end(r))} are its preferred values, one per attribute key in key order, each as an
 * interned value id ({@link #valueId(int)}, resolved by {@link #value(int)}) with its decayed
 * affinity ({@link #affinity(int)}, positive). For each consumer these are exactly the pairs of
 * {@link ConsumerProfile#preferences()} and their {@link ConsumerProfile#affinity(AttributeValue)}.
 *
 * <p>Immutable; the arrays are not exposed.
 */
public final class PreferredValues {
  private final Instant asOf;
  private final ConsumerId[] consumers;
  private final int[] offsets;
  private final int[] valueIds;
  private final double[] affinities;
  private final AttributeValue[] values;

  PreferredValues(Instant asOf, ConsumerId[] consumers, int[] offsets, int[] valueIds,
      double[] affinities, AttributeValue[] values) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.consumers = consumers;
    this.offsets = offsets;
    this.valueIds = valueIds;
    this.affinities = affinities;
    this.values = values;
  }

  /**
   * Returns the instant the affinities are decayed to.
   *
   * @return the instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Returns the number of consumers (rows).
   *
   * @return the count
   */
  public int size() {
    return consumers.length;
  }

  /**
   * Returns the consumer of a row.
   *
   * @param row the row, in {@code [0, size())}
   * @return the consumer
   */
  public ConsumerId consumer(int row) {
    return consumers[row];
  }

  /**
   * Returns the first entry of a row.
   *
   * @param row the row
   * @return the index of its first entry
   */
  public int start(int row) {
    return offsets[row];
  }

  /**
   * Returns the end (exclusive) of a row's entries.
   *
   * @param row the row
   * @return one past the index of its last entry
   */
  public int end(int row) {
    return offsets[row + 1];
  }

  /**
   * Returns the value id of an entry.
   *
   * @param entry the entry, in {@code [start(r), end(r))} of some row {@code r}
   * @return the interned value id, in {@code [0, valueCount())}
   */
  public int valueId(int entry) {
    return valueIds[entry];
  }

  /**
   * Returns the decayed affinity of an entry.
   *
   * @param entry the entry
   * @return the affinity, positive
   */
  public double affinity(int entry) {
    return affinities[entry];
  }

  /**
   * Returns the number of interned values (some may be nobody's preferred value).
   *
   * @return the count
   */
  public int valueCount() {
    return values.length;
  }

  /**
   * Returns an interned value.
   *
   * @param id the value id
   * @return the attribute value
   */
  public AttributeValue value(int id) {
    return values[id];
  }
}
