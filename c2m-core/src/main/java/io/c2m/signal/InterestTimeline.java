package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How much interest each item drew on each UTC day: the summed weight of the positive signals
 * (views, likes, carts, purchases, ...) of consenting consumers, undecayed. It is what niche
 * trends are estimated from: a niche's daily interest is the sum over the items that match its
 * definition. Holds aggregates only, no consumer.
 *
 * <p>Immutable and thread-safe. Built by {@link ProfileStore#timeline()}; mergeable in the sense
 * that the store it comes from merges by addition.
 */
public final class InterestTimeline {
  private static final long DAY_MILLIS = 86_400_000L;
  private static final InterestTimeline EMPTY = new InterestTimeline(List.of());

  private final List<ItemSeries> items;

  private record ItemSeries(Attributes item, long[] days, double[] mass) {}

  private InterestTimeline(List<ItemSeries> items) {
    this.items = items;
  }

  /**
   * A timeline with no interest at all: every niche's trend is then steady.
   *
   * @return the empty timeline
   */
  public static InterestTimeline empty() {
    return EMPTY;
  }

  /**
   * Creates a timeline from interest per item and day.
   *
   * @param interest item to (day number since 1970-01-01 UTC to interest mass); masses must be
   *     finite and zero or more
   * @return the timeline
   * @throws IllegalArgumentException if a mass is negative or not finite
   */
  public static InterestTimeline of(Map<Attributes, ? extends Map<Long, Double>> interest) {
    Checks.requireNoNulls(interest, "interest");
    List<ItemSeries> list = new ArrayList<>(interest.size());
    interest.forEach((item, byDay) -> {
      Checks.requireNoNulls(byDay, "interest of item " + item);
      long[] days = new long[byDay.size()];
      double[] mass = new double[byDay.size()];
      int i = 0;
      for (Map.Entry<Long, Double> e : new java.util.TreeMap<>(byDay).entrySet()) {
        days[i] = e.getKey();
        mass[i] = Checks.requireNonNegative(e.getValue(),
            "interest of item " + item + " on day " + e.getKey());
        i++;
      }
      list.add(new ItemSeries(item, days, mass));
    });
    list.sort(Comparator.comparing(s -> s.item().toString()));
    return new InterestTimeline(List.copyOf(list));
  }

  /**
   * Returns the daily interest in the items that match a definition, for the {@code days} whole
   * UTC days that end with the day holding {@code end}.
   *
   * @param definition the attributes an item must have (a niche definition)
   * @param end an instant in the last day of the window
   * @param days the window's length in days; positive
   * @return the interest per day, oldest first; index {@code days - 1} is the day of {@code end}
   */
  public double[] dailyInterest(Attributes definition, Instant end, int days) {
    requireNonNull(definition, "definition");
    requireNonNull(end, "end");
    Checks.requirePositive(days, "window in days");
    long last = Math.floorDiv(end.toEpochMilli(), DAY_MILLIS);
    long first = last - days + 1;
    double[] out = new double[days];
    for (ItemSeries s : items) {
      if (!s.item().matches(definition)) {
        continue;
      }
      for (int i = 0; i < s.days().length; i++) {
        long d = s.days()[i];
        if (d >= first && d <= last) {
          out[(int) (d - first)] += s.mass()[i];
        }
      }
    }
    return out;
  }

  /**
   * Returns the number of items with any interest.
   *
   * @return the count
   */
  public int items() {
    return items.size();
  }

  /**
   * Tells whether the timeline holds no interest.
   *
   * @return true if empty
   */
  public boolean isEmpty() {
    return items.isEmpty();
  }
}
