package io.c2m.signal;

import io.c2m.AttributeValue;
import io.c2m.Attributes;
import io.c2m.ConsumerId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dense {@code int} indices of a profile store's consumers, attribute values and items, handed
 * out in order of first sight and never taken back (an erased consumer keeps its index).
 *
 * <p><b>Layout and cost.</b> Consumers: an open-addressing table of {@code int}s (index + 1, 0 =
 * free) at most half full, probed with a mix of the id's hash; the mixed hash of each consumer is
 * kept beside its id ({@code consumerHash}), so that a probe compares an {@code int} before the
 * id and rehashing never calls {@code hashCode}. About 12 bytes per consumer beside the ids, no
 * boxing. Values and items: hash maps (interned once per item, off the hot path), plus for each
 * item the value ids of its attributes in one flat array ({@code itemValues[itemFrom[i] ..
 * itemFrom[i + 1])}), which the ingestion loops read with no indirection. A memory of recent item
 * objects by identity ({@link #itemIndexByIdentity}), bounded at {@value #MAX_REMEMBERED} entries,
 * spares a reader that hands out one {@link Attributes} object per product the hashing of its
 * sorted map per signal. It costs a slot of an identity table per object remembered, and keeps the
 * objects alive: for a store fed by one reader they are the items' own (the first object seen of
 * an item is the one kept); a store fed by several reads keeps at most {@value #MAX_REMEMBERED}
 * objects of the later ones.
 *
 * <p>Not thread-safe: one per store.
 */
final class ProfileInterner {
  /** The most item objects remembered by identity before that memory is emptied. */
  static final int MAX_REMEMBERED = 1 << 16;

  /** Consumer index + 1 by open addressing on the id's hash (0 = free): no boxing. */
  private int[] consumerSlots = new int[64];
  private ConsumerId[] consumers = new ConsumerId[16];
  /** Per consumer index, the mixed hash of the id (probes and rehashing compare it first). */
  private int[] consumerHash = new int[16];
  /** The number of consumers interned. */
  int consumerCount;

  private final Map<AttributeValue, Integer> valueIds = new HashMap<>();
  private AttributeValue[] values = new AttributeValue[16];
  /** The number of attribute values interned. */
  int valueCount;

  private final Map<Attributes, Integer> itemIds = new HashMap<>();
  private Attributes[] itemAttributes = new Attributes[16];
  /** The value ids of item {@code i}: {@code itemValues[itemFrom[i] .. itemFrom[i + 1])}. */
  int[] itemValues = new int[64];
  /** See {@link #itemValues}. */
  int[] itemFrom = new int[17];
  /** The number of items interned. */
  int itemCount;

  private final Map<Attributes, Integer> byIdentity = new IdentityHashMap<>();
  private Attributes lastItem;
  private int lastIndex;

  /** The index of a consumer, or -1 if not interned. */
  int consumerIndex(ConsumerId consumer) {
    int mask = consumerSlots.length - 1;
    int hash = mix(consumer.hashCode());
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int c = consumerSlots[i];
      if (c == 0) {
        return -1;
      }
      if (consumerHash[c - 1] == hash && consumers[c - 1].equals(consumer)) {
        return c - 1;
      }
    }
  }

  /** Interns a consumer known to be absent; returns its index. */
  int internConsumer(ConsumerId consumer) {
    int idx = consumerCount++;
    if (idx == consumers.length) {
      consumers = Arrays.copyOf(consumers, idx * 2);
      consumerHash = Arrays.copyOf(consumerHash, idx * 2);
    }
    consumers[idx] = consumer;
    int hash = mix(consumer.hashCode());
    consumerHash[idx] = hash;
    if ((consumerCount + 1) * 2L > consumerSlots.length) {
      int[] slots = new int[consumerSlots.length * 2];
      int mask = slots.length - 1;
      for (int c = 0; c < idx; c++) {
        int i = consumerHash[c] & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = c + 1;
      }
      consumerSlots = slots;
    }
    int mask = consumerSlots.length - 1;
    int i = hash & mask;
    while (consumerSlots[i] != 0) {
      i = (i + 1) & mask;
    }
    consumerSlots[i] = idx + 1;
    return idx;
  }

  /** The consumer of an index. */
  ConsumerId consumer(int index) {
    return consumers[index];
  }

  /** The dense index of an item, interning it (and its values) on first sight. */
  int itemIndex(Attributes item) {
    Integer idx = itemIds.get(item);
    if (idx != null) {
      return idx;
    }
    int i = itemCount++;
    if (i == itemAttributes.length) {
      itemAttributes = Arrays.copyOf(itemAttributes, i * 2);
      itemFrom = Arrays.copyOf(itemFrom, i * 2 + 1);
    }
    List<AttributeValue> pairs = item.pairs();
    int from = itemFrom[i];
    if (from + pairs.size() > itemValues.length) {
      itemValues = Arrays.copyOf(itemValues, Math.max(itemValues.length * 2, from + pairs.size()));
    }
    for (int k = 0; k < pairs.size(); k++) {
      itemValues[from + k] = valueIndex(pairs.get(k));
    }
    itemFrom[i + 1] = from + pairs.size();
    itemAttributes[i] = item;
    itemIds.put(item, i);
    return i;
  }

  /**
   * As {@link #itemIndex(Attributes)}, remembering the index of the last {@value #MAX_REMEMBERED}
   * item objects by identity (see the class comment).
   */
  int itemIndexByIdentity(Attributes item) {
    if (item == lastItem) {
      return lastIndex;
    }
    Integer known = byIdentity.get(item);
    int index;
    if (known != null) {
      index = known;
    } else {
      index = itemIndex(item);
      if (byIdentity.size() >= MAX_REMEMBERED) {
        byIdentity.clear();
      }
      byIdentity.put(item, index);
    }
    lastItem = item;
    lastIndex = index;
    return index;
  }

  /** The attributes of an item index. */
  Attributes item(int index) {
    return itemAttributes[index];
  }

  /** The dense index of an attribute value, interning it on first sight. */
  int valueIndex(AttributeValue value) {
    Integer idx = valueIds.get(value);
    if (idx != null) {
      return idx;
    }
    int v = valueCount++;
    if (v == values.length) {
      values = Arrays.copyOf(values, v * 2);
    }
    values[v] = value;
    valueIds.put(value, v);
    return v;
  }

  /** The attribute value of an index. */
  AttributeValue value(int index) {
    return values[index];
  }

  /** The attribute values interned so far, by index (a copy). */
  AttributeValue[] values() {
    return Arrays.copyOf(values, valueCount);
  }

  /** Spreads a hash over the low bits that index a power-of-two table. */
  static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
