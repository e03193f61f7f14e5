package io.c2m;

import static java.util.Objects.requireNonNull;

import io.c2m.design.ConceptTestRule;
import io.c2m.order.BookedOrder;
import io.c2m.order.Order;
import io.c2m.order.OrderBook;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The concept tests of {@link C2m}: gathers each candidate's evidence from the order book for a
 * {@link ConceptTestRule} and withdraws the losers. Holds no state and takes no engine lock: it
 * goes through the order book's own lock only.
 */
final class ConceptTests {
  private ConceptTests() {}

  /** The body of {@link C2m#closeLosers(List)}. */
  static List<OrderEvent> closeLosers(OrderBook orders, Clock clock,
      List<ConceptTestRule.Verdict> verdicts) {
    requireNonNull(verdicts, "verdicts");
    Instant now = clock.instant();
    List<OrderEvent> events = new ArrayList<>();
    Set<DesignId> losers = new HashSet<>();
    for (ConceptTestRule.Verdict v : verdicts) {
      if (!v.winner()) {
        losers.add(v.evidence().design());
        orders.offer(v.evidence().design()).ifPresent(o -> {
          Instant from = o.salesFrom().isBefore(now) ? o.salesFrom() : now.minusNanos(1);
          orders.offer(o.withSalesWindow(from, now));
        });
      }
    }
    for (BookedOrder b : orders.booked(EnumSet.of(OrderState.PLACED, OrderState.IN_CAMPAIGN))) {
      if (losers.contains(b.order().design())) {
        events.add(orders.cancel(b.order().id(), "the design lost its concept test"));
      }
    }
    return events;
  }

  /** The body of {@link C2m#conceptTest(ConceptTestRule, Instant, Map)}. */
  static List<ConceptTestRule.Verdict> conceptTest(OrderBook orders, Predicate<DesignId> isOffered,
      ConceptTestRule rule, Instant offeredAt, Map<DesignId, Set<ConsumerId>> offeredTo) {
    requireNonNull(rule, "rule");
    requireNonNull(offeredAt, "offeredAt");
    requireNonNull(offeredTo, "offeredTo");
    for (Map.Entry<DesignId, Set<ConsumerId>> e : offeredTo.entrySet()) {
      requireNonNull(e.getKey(), "offeredTo key");
      requireNonNull(e.getValue(), "offeredTo value");
      if (!isOffered.test(e.getKey())) {
        throw new IllegalArgumentException("The concept-test candidate (" + e.getKey()
            + ") is not on offer.\nMaybe tailor or offer it first.");
      }
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException("The concept-test candidate (" + e.getKey()
            + ") was offered to no consumer; each candidate needs a non-empty group.");
      }
    }
    // The order book's own lock only, never the engine's (see the class comment).
    Map<DesignId, Set<ConsumerId>> buyers = new HashMap<>();
    for (Order o : orders.orders()) {
      Set<ConsumerId> group = offeredTo.get(o.design());
      if (group != null && group.contains(o.consumer()) && !o.placedAt().isBefore(offeredAt)) {
        buyers.computeIfAbsent(o.design(), d -> new HashSet<>()).add(o.consumer());
      }
    }
    List<ConceptTestRule.Evidence> evidence = new ArrayList<>();
    for (Map.Entry<DesignId, Set<ConsumerId>> e : new java.util.TreeMap<>(offeredTo).entrySet()) {
      long ordered = buyers.getOrDefault(e.getKey(), Set.of()).size();
      evidence.add(new ConceptTestRule.Evidence(e.getKey(), e.getValue().size(), ordered));
    }
    return rule.judge(evidence);
  }
}
