package io.c2m.production;

import static java.util.Objects.requireNonNull;

import io.c2m.DesignId;
import io.c2m.internal.Checks;
import io.c2m.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input of a {@link BatchingStrategy}: the committed orders, the production constraints of each
 * design, and the planning calendar (period 0 starts at {@code start}; each period lasts
 * {@code period}).
 *
 * @param orders the committed orders; distinct ids, none placed before {@code start}
 * @param constraints constraints per design; designs not listed use {@code defaults}
 * @param defaults constraints for designs not listed
 * @param start the start of period 0
 * @param period the length of a period; positive
 */
public record BatchingProblem(
    List<Order> orders,
    Map<DesignId, ProductionConstraints> constraints,
    ProductionConstraints defaults,
    Instant start,
    Duration period) {
  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if an order id repeats, an order precedes the start, or the
   *     period is not positive
   */
  public BatchingProblem {
    orders = List.copyOf(Checks.requireNoNulls(orders, "orders"));
    constraints = Map.copyOf(Checks.requireNoNulls(constraints, "constraints"));
    requireNonNull(defaults, "defaults");
    requireNonNull(start, "start");
    requireNonNull(period, "period");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("The planning period (" + period + ") must be positive.");
    }
    Set<Object> ids = new HashSet<>();
    for (Order o : orders) {
      if (!ids.add(o.id())) {
        throw new IllegalArgumentException("The order id (" + o.id() + ") occurs twice.");
      }
      if (o.placedAt().isBefore(start)) {
        throw new IllegalArgumentException(
            "Order (" + o.id() + ") was placed at " + o.placedAt()
                + ", before the start of planning (" + start + ").");
      }
    }
  }

  /**
   * A problem with one set of constraints for every design.
   *
   * @param orders the orders
   * @param constraints the constraints of every design
   * @param start the start of period 0
   * @param period the period length
   * @return the problem
   */
  public static BatchingProblem of(
      List<Order> orders, ProductionConstraints constraints, Instant start, Duration period) {
    return new BatchingProblem(orders, Map.of(), constraints, start, period);
  }

  /**
   * Returns the constraints of a design.
   *
   * @param design the design
   * @return its constraints, or the defaults
   */
  public ProductionConstraints constraintsFor(DesignId design) {
    return constraints.getOrDefault(design, defaults);
  }

  /**
   * Returns the period an instant falls in.
   *
   * @param instant an instant not before the start
   * @return the 0-based period index
   */
  public int periodOf(Instant instant) {
    long millis = Duration.between(start, instant).toMillis();
    long p = Math.floorDiv(millis, period.toMillis());
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, p));
  }

  /**
   * Returns the start of a period.
   *
   * @param index the 0-based period index
   * @return its first instant
   */
  public Instant startOf(int index) {
    return start.plus(period.multipliedBy(index));
  }
}
