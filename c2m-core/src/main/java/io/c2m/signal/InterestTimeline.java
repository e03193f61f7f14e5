package io.c2m.signal;

import static java.util.Objects.requireNonNull;

import io.c2m.Attributes;
import io.c2m.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
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
    List<ItemInterest> sorted = new ArrayList<>(Checks.requireNoNulls(items, "items"));
    sorted.sort(Comparator.comparing(s -> s.item().toString()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).item().equals(sorted.get(i - 1).item())) {
        throw new IllegalArgumentException(
            "The interest timeline gives item " + sorted.get(i).item() + " twice.");
      }
    }
    items = List.copyOf(sorted);
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
