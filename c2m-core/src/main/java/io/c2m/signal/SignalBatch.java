package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of signals in columns of primitive arrays, for {@link ProfileStore#addAll(SignalBatch)}:
 * the way in for a reader of many signals. A consumer and an item are named once per batch
 * ({@link #consumerRef(ConsumerId)}, {@link #itemRef(Attributes)}) and then referred to by the
 * small {@code int} handed back, so that a signal is five primitive columns and appending it
 * allocates nothing:
 *
 * <pre>{@code
 * SignalBatch batch = new SignalBatch();
 * int ann = batch.consumerRef(ConsumerId.of("ann"));
 * int dress = batch.itemRef(Attributes.of("category", "dress", "color", "sage"));
 * batch.add(ann, dress, SignalType.VIEW, atMillis, Double.NaN);
 * BatchReport report = store.addAll(batch);
 * }</pre>
 *
 * <p>References belong to the batch, not to a store: a batch can be added to any store, and the
 * store resolves each reference once per {@code addAll}, asking its consent predicate then (a
 * consumer it denies has their signals counted as without consent). Nothing else is checked
 * against a store here: the store checks each signal when the batch is added, and reports the bad
 * ones by their position in the batch. Each reference is interned by the store it is added to,
 * even if none of its signals is kept.
 *
 * <p>A batch grows as signals are appended and can be {@linkplain #clear() cleared} and refilled,
 * so that a reader reuses one batch. Not thread-safe, not even to add one batch to two stores at
 * once: adding writes the batch's scratch of resolved indices.
 */
public final class SignalBatch {
  private static final SignalType[] TYPES = SignalType.values();

  /**
   * Whether the consumer and item columns hold references of this batch (the public form), or the
   * indices of one store (the package's tests of the store's index path).
   */
  final boolean byReference;
  int size;
  int[] consumer;
  int[] item;
  byte[] type;
  long[] at;
  double[] value;

  ConsumerId[] consumerIds = new ConsumerId[16];
  int consumerRefs;
  Attributes[] items = new Attributes[16];
  int itemRefs;
  /** The store indices of the signals' consumers and items, written by the store that adds it. */
  int[] resolvedConsumer = new int[0];
  int[] resolvedItem = new int[0];

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
    this(capacity, true);
  }

  private SignalBatch(int capacity, boolean byReference) {
    if (capacity < 0) {
      throw new IllegalArgumentException(
          "The capacity (" + capacity + ") of a signal batch must not be negative.");
    }
    this.byReference = byReference;
    consumer = new int[capacity];
    item = new int[capacity];
    type = new byte[capacity];
    at = new long[capacity];
    value = new double[capacity];
  }

  /**
   * A batch whose consumer and item columns are one store's indices ({@link
   * ProfileStore#admit(ConsumerId)}, {@link ProfileStore#itemIndex(Attributes)}; a negative
   * consumer means "no consent"), not checked on append: the store's index path, for this
   * package's tests.
   */
  static SignalBatch ofStoreIndices(int capacity) {
    return new SignalBatch(capacity, false);
  }

  /**
   * Names a consumer in this batch. Call it once per consumer and keep the reference (calling it
   * again gives a new reference to the same consumer, which costs the store one more look-up).
   *
   * @param consumerId the consumer
   * @return the reference to pass to {@link #add}
   */
  public int consumerRef(ConsumerId consumerId) {
    requireNonNull(consumerId, "consumerId");
    requireReferences();
    if (consumerRefs == consumerIds.length) {
      consumerIds = Arrays.copyOf(consumerIds, consumerRefs * 2);
    }
    consumerIds[consumerRefs] = consumerId;
    return consumerRefs++;
  }

  /**
   * Names an item (its attribute set) in this batch. Call it once per item and keep the reference
   * (calling it again gives a new reference to the same item, which costs the store one more
   * look-up).
   *
   * @param itemAttributes the item's attributes
   * @return the reference to pass to {@link #add}
   */
  public int itemRef(Attributes itemAttributes) {
    requireNonNull(itemAttributes, "itemAttributes");
    requireReferences();
    if (itemRefs == items.length) {
      items = Arrays.copyOf(items, itemRefs * 2);
    }
    items[itemRefs] = itemAttributes;
    return itemRefs++;
  }

  private void requireReferences() {
    if (!byReference) {
      throw new IllegalStateException("A batch of store indices takes no references.");
    }
  }

  /**
   * Appends one signal.
   *
   * @param consumerRef the consumer, from {@link #consumerRef(ConsumerId)}
   * @param itemRef the item, from {@link #itemRef(Attributes)}
   * @param signalType what the consumer did
   * @param atEpochMillis when, in milliseconds since 1970-01-01T00:00Z
   * @param signalValue the unit price of a purchase or cart, or the rating of a review ({@code
   *     NaN} when absent)
   * @return this
   * @throws IllegalArgumentException if a reference was not handed out by this batch since it was
   *     last cleared
   */
  public SignalBatch add(int consumerRef, int itemRef, SignalType signalType,
      long atEpochMillis, double signalValue) {
    requireNonNull(signalType, "signalType");
    if (byReference && (consumerRef < 0 || consumerRef >= consumerRefs || itemRef < 0
        || itemRef >= itemRefs)) {
      throw new IllegalArgumentException("The consumer reference (" + consumerRef
          + ") or item reference (" + itemRef + ") was not handed out by this batch (it has "
          + consumerRefs + " consumers and " + itemRefs + " items).\nMaybe the batch was "
          + "cleared after the reference was taken.");
    }
    if (size == consumer.length) {
      int n = Math.max(16, size * 2);
      consumer = Arrays.copyOf(consumer, n);
      item = Arrays.copyOf(item, n);
      type = Arrays.copyOf(type, n);
      at = Arrays.copyOf(at, n);
      value = Arrays.copyOf(value, n);
    }
    int s = size++;
    consumer[s] = consumerRef;
    item[s] = itemRef;
    type[s] = (byte) signalType.ordinal();
    at[s] = atEpochMillis;
    value[s] = signalValue;
    return this;
  }

  /** Makes the resolved columns hold {@link #size} signals. */
  void ensureResolved() {
    if (resolvedConsumer.length < size) {
      resolvedConsumer = new int[consumer.length];
      resolvedItem = new int[consumer.length];
    }
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
   * Returns the consumer of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the consumer
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public ConsumerId consumer(int position) {
    int ref = consumer[Objects.checkIndex(position, size)];
    requireReferences();
    return consumerIds[ref];
  }

  /**
   * Returns the item of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the item's attributes
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public Attributes item(int position) {
    int ref = item[Objects.checkIndex(position, size)];
    requireReferences();
    return items[ref];
  }

  /**
   * Returns the type of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the type
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public SignalType type(int position) {
    return TYPES[type[Objects.checkIndex(position, size)]];
  }

  /**
   * Returns the instant of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the instant, in epoch milliseconds
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public long atEpochMillis(int position) {
    return at[Objects.checkIndex(position, size)];
  }

  /**
   * Returns the value of one signal.
   *
   * @param position the signal's position, in {@code [0, size())}
   * @return the value, or NaN
   * @throws IndexOutOfBoundsException if the position is outside the batch
   */
  public double value(int position) {
    return value[Objects.checkIndex(position, size)];
  }

  /**
   * Empties the batch, keeping its room: its signals and its references (references taken before
   * are no longer valid).
   *
   * @return this
   */
  public SignalBatch clear() {
    size = 0;
    Arrays.fill(consumerIds, 0, consumerRefs, null);
    Arrays.fill(items, 0, itemRefs, null);
    consumerRefs = 0;
    itemRefs = 0;
    return this;
  }
}
