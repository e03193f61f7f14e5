package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A batch of pre-resolved signals in columns of primitive arrays, for {@link
 * ProfileStore#addAll(SignalBatch)}: per signal the consumer index (from {@link
 * ProfileStore#admit(io.c2m.ConsumerId)}, negative for "no consent"), the item index (from {@link
 * ProfileStore#itemIndex(io.c2m.Attributes)}), the type, the instant in epoch milliseconds and the
 * value. Nothing is checked against a store here: the store checks each signal when the batch is
 * added, and reports the bad ones by their position in the batch.
 *
 * <p>A batch grows as signals are appended and can be {@linkplain #clear() cleared} and refilled,
 * so that a reader reuses one batch and allocates nothing per signal. Not thread-safe.
 */
public final class SignalBatch {
  private static final SignalType[] TYPES = SignalType.values();

  int size;
  int[] consumer;
  int[] item;
  byte[] type;
  long[] at;
  double[] value;

  /** Creates an empty batch. */
  public SignalBatch() {
    this(1024);
  }

  /**
   * Creates an empty batch with room for some signals before it grows.
   *
   * @param capacity the initial room, at least 0
   * @throws IllegalArgumentException if the capacity is negative
   */
  public SignalBatch(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException(
          "The capacity (" + capacity + ") of a signal batch must not be negative.");
    }
    consumer = new int[capacity];
    item = new int[capacity];
    type = new byte[capacity];
    at = new long[capacity];
    value = new double[capacity];
  }

  /**
   * Appends one signal, as {@link ProfileStore#add(int, int, SignalType, long, double)} takes it.
   *
   * @param consumerIndex the consumer's index from {@link ProfileStore#admit(io.c2m.ConsumerId)};
   *     negative means "no consent"
   * @param itemIndex the item's index from {@link ProfileStore#itemIndex(io.c2m.Attributes)}
   * @param signalType what the consumer did
   * @param atEpochMillis when, in milliseconds since 1970-01-01T00:00Z
   * @param signalValue the unit price of a purchase or cart, or the rating of a review ({@code
   *     NaN} when absent)
   * @return this
   */
  public SignalBatch add(int consumerIndex, int itemIndex, SignalType signalType,
      long atEpochMillis, double signalValue) {
    requireNonNull(signalType, "signalType");
    if (size == consumer.length) {
      int n = Math.max(16, size * 2);
      consumer = Arrays.copyOf(consumer, n);
      item = Arrays.copyOf(item, n);
      type = Arrays.copyOf(type, n);
      at = Arrays.copyOf(at, n);
      value = Arrays.copyOf(value, n);
    }
    int s = size++;
    consumer[s] = consumerIndex;
    item[s] = itemIndex;
    type[s] = (byte) signalType.ordinal();
    at[s] = atEpochMillis;
    value[s] = signalValue;
    return this;
  }

  /**
   * Returns the number of signals in the batch.
   *
   * @return the count
   */
  public int size() {
    return size;
  }

  /**
   * Returns the consumer index of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the consumer index
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public int consumer(int position) {
    return consumer[java.util.Objects.checkIndex(position, size)];
  }

  /**
   * Returns the item index of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the item index
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public int item(int position) {
    return item[java.util.Objects.checkIndex(position, size)];
  }

  /**
   * Returns the type of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the type
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public SignalType type(int position) {
    return TYPES[type[java.util.Objects.checkIndex(position, size)]];
  }

  /**
   * Returns the instant of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the instant, in epoch milliseconds
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public long atEpochMillis(int position) {
    return at[java.util.Objects.checkIndex(position, size)];
  }

  /**
   * Returns the value of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the value, or NaN
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public double value(int position) {
    return value[java.util.Objects.checkIndex(position, size)];
  }

  /**
   * Empties the batch, keeping its room.
   *
   * @return this
   */
  public SignalBatch clear() {
    size = 0;
    return this;
  }
}
