package io.c2m.examples;

// README:begin
import io.c2m.Attributes;
import io.c2m.C2m;
import io.c2m.ConsumerId;
import io.c2m.OrderId;
import io.c2m.design.ProductDesign;
import io.c2m.niche.Niche;
import io.c2m.order.Order;
import io.c2m.order.OrderReceipt;
import io.c2m.privacy.Consent;
import io.c2m.production.BatchPlan;
import io.c2m.production.ProductionBatch;
import io.c2m.production.ProductionConstraints;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.signal.SignalType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * 40 of 100 consumers like sage linen dresses: c2m finds the niche, tailors a design, takes orders
 * first and releases one batch once the minimum order quantity is reached.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /**
   * Runs the example and prints the production plan.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    BatchPlan plan = run();
    for (ProductionBatch b : plan.batches()) {
      System.out.printf("%s: %d units for %d orders, made on day %d, ready on day %d%n",
          b.design(), b.quantity(), b.orders().size(), b.period(), b.readyPeriod());
    }
    System.out.printf("%d orders pending, production cost %.2f%n", plan.pending().size(),
        plan.cost().total());
  }

  /**
   * Runs the example.
   *
   * @return the production plan
   */
  public static BatchPlan run() {
    Instant now = Instant.parse("2026-03-01T00:00:00Z");
    C2m c2m = C2m.builder()
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .seed(42)
        .minimumAudience(25)                       // k-anonymity: smaller niches never leave
        .defaultConstraints(new ProductionConstraints(
            30, 10, 500, 1000,                       // MOQ, case of 10, max batch, capacity/day
            200.0, 12.0, 0.05, 3))                   // setup, unit, holding per unit-day, lead
        .build();

    List<Signal> signals = new ArrayList<>();
    String[] category = {"shirt", "jeans", "jacket"};
    String[] color = {"navy", "black", "grey", "red"};
    String[] material = {"cotton", "denim", "wool"};
    for (int i = 0; i < 100; i++) {
      ConsumerId who = ConsumerId.of("c" + i);       // pseudonymous ids only
      c2m.registerConsumer(ConsumerAccount.of(who, Consent.PROFILING));
      Attributes item = i < 40                       // 40 share a taste, 60 are diverse
          ? Attributes.of("category", "dress", "color", "sage", "material", "linen")
          : Attributes.of("category", category[i % 3], "color", color[i / 3 % 4],
              "material", material[i / 12 % 3]);
      signals.add(Signal.of(who, SignalType.VIEW, now.minusSeconds(3600L * i), item, "web"));
      signals.add(new Signal(who, SignalType.CART_ADD, now.minusSeconds(60L * i), item, "web",
          34.0));
    }
    c2m.ingest(signals);

    List<Niche> niches = c2m.discoverNiches();               // e.g. category, color, material
    List<ProductDesign> designs = c2m.tailorDesigns(niches); // spec + price from the members
    ProductDesign design = designs.get(0);

    for (int i = 0; i < 32; i++) {                           // consumers order first ...
      OrderReceipt receipt = c2m.acceptOrder(new Order(OrderId.of("o" + i),
          ConsumerId.of("c" + i), design.id(), 1, design.unitPrice(),
          now.plus(Duration.ofHours(i)), now.plus(Duration.ofDays(21))));
      if (!receipt.isOnBook()) {
        throw new IllegalStateException(receipt.reason());  // refused: tell the consumer
      }
    }
    BatchPlan plan = c2m.planBatches();                      // ... then the factory produces
    return plan;
  }
}
// README:end
