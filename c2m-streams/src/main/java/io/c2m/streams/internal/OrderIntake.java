package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.C2m;
import io.c2m.DesignId;
import io.c2m.StrategyException;
import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.production.Advance;
import io.c2m.production.BatchingStrategy;
import io.c2m.production.ProductionConstraints;
import io.c2m.streams.DesignPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order intake of one task (the orders of the designs of one partition): core's engine
 * ({@link C2m}, its {@link io.c2m.order.OrderBook} and batching) over {@link
 * StateStoreOrderStore}, on stream time. Each order is accepted by the book's rules and answered
 * with its {@link OrderReceipt} (keyed by order id); each lifecycle event goes out keyed by order
 * id. A stream-time punctuation runs the engine's {@link C2m#advance()} at the stream time: a
 * campaign that reached its minimum order quantity is released as one batch in the current
 * period, one whose window closed below it expires; the batching strategy plans the open orders
 * outside campaigns and the batches of the current period are released (frozen); orders of a
 * strategy's failed campaign expire. Then each design's plan that changed since the last check
 * is stored in the plans store and forwarded, keyed by design id.
 */
public final class OrderIntake implements Processor<String, OrderCommand, String, OrderCommand> {
  private static final Logger LOG = LoggerFactory.getLogger(OrderIntake.class);
  private final Duration period;
  private final Duration check;
  private final BatchingStrategy batching;
  private final ProductionConstraints defaults;
  private final String[] stores;
  private final StreamClock clock = new StreamClock();
  private final List<OrderEvent> pending = new ArrayList<>();
  private ProcessorContext<String, OrderCommand> context;
  private KeyValueStore<String, DesignPlan> plans;
  private C2m engine;

  /** The stream time as a {@link Clock}, so the engine's now is stream time. */
  private static final class StreamClock extends Clock {
    private Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * Creates the intake.
   *
   * @param period the planning period (batches start at its boundaries, as in the engine)
   * @param check how often, in stream time, the engine advances
   * @param batching the batching strategy of the open orders outside campaigns
   * @param defaults the production constraints of designs (raised to each offer's terms)
   * @param stores orders, history, sequence, (global) offers, batches and plans store names
   */
  public OrderIntake(Duration period, Duration check, BatchingStrategy batching,
      ProductionConstraints defaults, String... stores) {
    this.period = requireNonNull(period, "period");
    this.check = requireNonNull(check, "check");
    this.batching = requireNonNull(batching, "batching");
    this.defaults = requireNonNull(defaults, "defaults");
    this.stores = stores.clone();
  }

  @Override
  public void init(ProcessorContext<String, OrderCommand> c) {
    this.context = c;
    KeyValueStore<String, BookedOrder> orders = c.getStateStore(stores[0]);
    KeyValueStore<String, OrderHistory> history = c.getStateStore(stores[1]);
    KeyValueStore<String, String> sequence = c.getStateStore(stores[2]);
    KeyValueStore<String, Offer> offers = c.getStateStore(stores[3]);
    KeyValueStore<String, BookedBatch> batches = c.getStateStore(stores[4]);
    this.plans = c.getStateStore(stores[5]);
    StateStoreOrderStore store =
        new StateStoreOrderStore(orders, history, sequence, offers, batches);
    // The engine's own order book, batching and advance, on this task's stores and stream time.
    this.engine = C2m.builder().orderStore(store).clock(clock).period(period)
        .batching(batching).defaultConstraints(defaults).build();
    engine.addOrderListener(pending::add);
    c.schedule(check, PunctuationType.STREAM_TIME, this::advance);
  }

  @Override
  public void process(Record<String, OrderCommand> record) {
    clock.now = Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs()));
    if (record.value() instanceof OrderCommand.Place p) {
      OrderReceipt receipt = engine.acceptOrder(p.order());
      context.forward(new Record<>(p.order().id().value(), new OrderCommand.Ack(receipt),
          record.timestamp()));
    }
    drain(record.timestamp());
  }

  private void advance(long streamTime) {
    clock.now = Instant.ofEpochMilli(streamTime);
    Advance step;
    try {
      step = engine.advance();
    } catch (StrategyException e) {
      // The campaigns advanced (their events are stored); the plan is tried again at the next
      // check. Only the strategy and the failure's type are logged: no order data.
      drain(streamTime);
      LOG.warn("The batching strategy {} failed at stream time {} ({}); campaigns advanced, "
          + "plans unchanged until the next check.", e.strategyId(), clock.now,
          e.getClass().getSimpleName());
      return;
    }
    drain(streamTime);
    publish(DesignPlan.of(step.schedule()), streamTime);
  }

  private void publish(Map<DesignId, DesignPlan> now, long streamTime) {
    Set<String> seen = new HashSet<>();
    for (DesignPlan p : now.values()) {
      seen.add(p.design().value());
      put(p, streamTime);
    }
    List<String> gone = new ArrayList<>();
    try (KeyValueIterator<String, DesignPlan> it = plans.all()) {
      while (it.hasNext()) {
        KeyValue<String, DesignPlan> kv = it.next();
        if (!seen.contains(kv.key)) {
          gone.add(kv.key);
        }
      }
    }
    for (String d : gone) {
      put(new DesignPlan(new DesignId(d), clock.now, List.of(), List.of()), streamTime);
    }
  }

  private void put(DesignPlan p, long streamTime) {
    DesignPlan old = plans.get(p.design().value());
    if (old == null || !old.samePlan(p)) {
      plans.put(p.design().value(), p);
      context.forward(new Record<>(p.design().value(), new OrderCommand.Plan(p), streamTime));
    }
  }

  private void drain(long timestamp) {
    for (OrderEvent e : pending) {
      context.forward(new Record<>(e.order().value(), new OrderCommand.Event(e), timestamp));
    }
    pending.clear();
  }
}
