package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.internal.Checks;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much interest each item drew on each UTC day: the summed weight of the positive signals
 * (views, likes, carts, purchases, ...) of consenting consumers, undecayed. It is what niche
 * trends are estimated from: a niche's daily interest is the sum over the items that match its
 * definition. Holds aggregates only, no consumer.
 *
 * <p>Built by {@link ProfileStore#timeline()}, which merges by addition. Items are kept sorted by
 * their text and days in ascending order, so equal timelines are equal records.
 *
 * @param items the interest of each item with any; sorted by item, one entry per item
 */
public record InterestTimeline(List<ItemInterest> items) {
  private static final long DAY_MILLIS = 86_400_000L;
  private static final InterestTimeline EMPTY = new InterestTimeline(List.of());

  /**
   * One item's interest per day.
   *
   * @param item the item's attributes
   * @param days the days with interest, in ascending order, each once
   */
  public record ItemInterest(Attributes item, List<DayInterest> days) {
    /**
     * Validates, sorts and copies.
     *
     * @throws IllegalArgumentException if a day appears twice
     */
    public ItemInterest {
      requireNonNull(item, "item");
      List<DayInterest> sorted = new ArrayList<>(Checks.requireNoNulls(days, "days"));
      sorted.sort(Comparator.comparingLong(DayInterest::day));
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i).day() == sorted.get(i - 1).day()) {
          throw new IllegalArgumentException("The interest of item " + item + " gives day "
              + sorted.get(i).day() + " twice.");
        }
      }
      days = List.copyOf(sorted);
    }
  }

  /**
   * The interest of one day.
   *
   * @param day the day, counted from 1970-01-01 UTC
   * @param interest the summed weight of positive signals; finite, zero or more
   */
  public record DayInterest(long day, double interest) {
    /** Validates. */
    public DayInterest {
      Checks.requireNonNegative(interest, "interest on day " + day);
    }
  }

  /**
   * Validates, sorts and copies.
   *
   * @throws IllegalArgumentException if an item appears twice
   */
  public InterestTimeline {
    if (items instanceof Sorted trusted) {
      items = trusted.items;
    } else {
      // Stable sort by text, each item's text made once.
      ItemInterest[] given =
          Checks.requireNoNulls(items, "items").toArray(new ItemInterest[0]);
      int n = given.length;
      String[] text = new String[n];
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        text[i] = given[i].item().toString();
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparing((Integer i) -> text[i]));
      ItemInterest[] sorted = new ItemInterest[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = given[order[i]];
      }
      for (int i = 1; i < n; i++) {
        if (sorted[i].item().equals(sorted[i - 1].item())) {
          throw new IllegalArgumentException(
              "The interest timeline gives item " + sorted[i].item() + " twice.");
        }
      }
      items = List.of(sorted);
    }
  }

  /**
   * A timeline of entries already in the order of the canonical constructor, with distinct items:
   * taken as they are, without sorting or checking ({@link TimelineCache}).
   */
  static InterestTimeline ofSorted(ItemInterest[] sorted) {
    return new InterestTimeline(new Sorted(List.of(sorted)));
  }

  /** The entries of {@link #ofSorted}, marked as sorted for the canonical constructor. */
  private static final class Sorted extends AbstractList<ItemInterest> {
    final List<ItemInterest> items;

    Sorted(List<ItemInterest> items) {
      this.items = items;
    }

    @Override
    public ItemInterest get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }
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
   * @param interest item to (day number since 1970-01-01 UTC to interest); interests must be
   *     finite and zero or more
   * @return the timeline
   * @throws IllegalArgumentException if an interest is negative or not finite
   */
  public static InterestTimeline of(Map<Attributes, ? extends Map<Long, Double>> interest) {
    Checks.requireNoNulls(interest, "interest");
    List<ItemInterest> list = new ArrayList<>(interest.size());
    interest.forEach((item, byDay) -> {
      Checks.requireNoNulls(byDay, "interest of item " + item);
      List<DayInterest> days = new ArrayList<>(byDay.size());
      new TreeMap<>(byDay).forEach((d, m) -> days.add(new DayInterest(d, m)));
      list.add(new ItemInterest(item, days));
    });
    return new InterestTimeline(list);
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
    for (ItemInterest s : items) {
      if (!s.item().matches(definition)) {
        continue;
      }
      for (DayInterest d : s.days()) {
        if (d.day() >= first && d.day() <= last) {
          out[(int) (d.day() - first)] += d.interest();
        }
      }
    }
    return out;
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
