package io.c2m.streams;

import io.c2m.ConsumerId;
import io.c2m.json.C2mJson;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of marketplace input for the tests: Segment events (views, carts, orders,
 * removals, refunds) of consumers of which some share planted tastes, interleaved with consent
 * grants, withdrawals and erasures, shuffled out of time order and with duplicated events.
 */
final class Workload {
  /** One input record: an event line or a consent change, with its Kafka timestamp. */
  record Op(String topic, String key, String value, Instant timestamp) {
    boolean isEvent() {
      return topic.equals(EVENTS);
    }
  }

  static final String EVENTS = "events";
  static final String CONSENTS = "consents";
  static final Instant END = Instant.parse("2026-03-01T00:00:00Z");

  private static final String[] CATEGORIES = {"dress", "shirt", "jacket"};
  private static final String[] COLORS = {"sage", "navy", "black", "red"};
  private static final String[] MATERIALS = {"linen", "cotton", "wool"};
  private static final String[] SIZES = {"S", "M", "L"};
  private static final String[][] EVENT_NAMES = {
      {"Product Viewed", "4"}, {"Product Added", "2"}, {"Order Completed", "1"},
      {"Product Removed", "1"}, {"Order Refunded", "1"}, {"Product Added to Wishlist", "1"}};

  private Workload() {}

  /**
   * Generates the input.
   *
   * @param seed the seed
   * @param consumers how many consumers
   * @param eventsPerConsumer mean events per consumer
   * @param duplicateShare share of events sent twice
   * @param churn share of consumers who withdraw, are forgotten or re-consent at some point
   * @return the ops in arrival order
   */
  static List<Op> generate(long seed, int consumers, int eventsPerConsumer, double duplicateShare,
      double churn) {
    Random r = new Random(seed);
    String[][] planted = {
        {"dress", "sage", "linen", "M"}, {"shirt", "navy", "cotton", "L"},
        {"jacket", "black", "wool", "S"}};
    List<Op> consentOps = new ArrayList<>();
    List<Op> events = new ArrayList<>();
    Instant start = END.minus(Duration.ofDays(40));
    for (int c = 0; c < consumers; c++) {
      String user = "u" + c;
      boolean consents = r.nextDouble() < 0.9;
      if (consents) {
        consentOps.add(consent(user, start, Consent.PROFILING));
      }
      String[] taste = c % 3 != 2 ? planted[c % 3]
          : new String[] {pick(r, CATEGORIES), pick(r, COLORS), pick(r, MATERIALS),
              pick(r, SIZES)};
      int n = 1 + r.nextInt(2 * eventsPerConsumer);
      for (int e = 0; e < n; e++) {
        String[] item = r.nextDouble() < 0.75 ? taste
            : new String[] {pick(r, CATEGORIES), pick(r, COLORS), pick(r, MATERIALS),
                pick(r, SIZES)};
        Instant at = start.plusSeconds(r.nextInt(40 * 86_400));
        events.add(new Op(EVENTS, user, event(r, user, item, at), at));
      }
    }
    // Out of order: the events arrive shuffled, not in time order.
    Collections.shuffle(events, r);
    List<Op> ops = new ArrayList<>(consentOps);
    for (Op e : events) {
      ops.add(e);
      if (r.nextDouble() < duplicateShare) {
        ops.add(r.nextInt(ops.size()), e); // a duplicate, somewhere in the stream
      }
    }
    // Consent changes in the middle of the stream.
    for (int c = 0; c < consumers; c++) {
      if (r.nextDouble() < churn) {
        String user = "u" + c;
        int at = r.nextInt(ops.size() + 1);
        Instant ts = start;
        switch (r.nextInt(3)) {
          case 0 -> ops.add(at, consent(user, ts));
          case 1 -> ops.add(at, new Op(CONSENTS, user, null, ts));
          default -> {
            ops.add(at, consent(user, ts));
            ops.add(at + r.nextInt(ops.size() - at) + 1, consent(user, ts, Consent.PROFILING));
          }
        }
      }
    }
    return ops;
  }

  private static Op consent(String user, Instant ts, Consent... consents) {
    return new Op(CONSENTS, user,
        C2mJson.toJson(ConsumerAccount.of(new ConsumerId(user), consents)), ts);
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String event(Random r, String user, String[] item, Instant at) {
    String name = null;
    int total = 0;
    for (String[] e : EVENT_NAMES) {
      total += Integer.parseInt(e[1]);
    }
    int x = r.nextInt(total);
    for (String[] e : EVENT_NAMES) {
      x -= Integer.parseInt(e[1]);
      if (x < 0) {
        name = e[0];
        break;
      }
    }
    String product = "{\"category\":\"" + item[0] + "\",\"color\":\"" + item[1]
        + "\",\"material\":\"" + item[2] + "\",\"size\":\"" + item[3] + "\",\"price\":"
        + (20 + r.nextInt(30)) + "}";
    String props = name.startsWith("Order") ? "{\"products\":[" + product + "]}" : product;
    return "{\"type\":\"track\",\"event\":\"" + name + "\",\"userId\":\"" + user
        + "\",\"timestamp\":\"" + at + "\",\"properties\":" + props + "}";
  }
}
