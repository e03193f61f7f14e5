package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import io.c2m.order.BookedBatch;
import io.c2m.order.BookedOrder;
import io.c2m.order.Offer;
import io.c2m.order.OrderBook;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The order intake of one task (the orders of the designs of one partition): core's {@link
 * OrderBook} over {@link StateStoreOrderStore}, on stream time. Each order is accepted by the
 * book's rules and answered with its {@link OrderReceipt} (keyed by order id); each lifecycle
 * event goes out keyed by order id. A stream-time punctuation advances the group-buy campaigns
 * as the engine's {@code advance()} does: a campaign that reached its minimum order quantity is
 * released as one batch in the current period, one whose window closed below it expires.
 */
public final class OrderIntake implements Processor<String, OrderCommand, String, OrderCommand> {
  private final Duration period;
  private final Duration check;
  private final String[] stores;
  private final StreamClock clock = new StreamClock();
  private final List<OrderEvent> pending = new ArrayList<>();
  private ProcessorContext<String, OrderCommand> context;
  private OrderBook book;

  /** The stream time as a {@link Clock}, so the book's event times are stream time. */
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
   * @param check how often, in stream time, campaigns are advanced
   * @param stores orders, history, sequence, (global) offers and batches store names
   */
  public OrderIntake(Duration period, Duration check, String... stores) {
    this.period = requireNonNull(period, "period");
    this.check = requireNonNull(check, "check");
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
    StateStoreOrderStore store =
        new StateStoreOrderStore(orders, history, sequence, offers, batches);
    this.book = OrderBook.of(store, clock, consumer -> true);
    book.addListener(pending::add);
    c.schedule(check, PunctuationType.STREAM_TIME, this::advance);
  }

  @Override
  public void process(Record<String, OrderCommand> record) {
    clock.now = Instant.ofEpochMilli(Math.max(0, context.currentStreamTimeMs()));
    if (record.value() instanceof OrderCommand.Place p) {
      OrderReceipt receipt = book.accept(p.order());
      context.forward(new Record<>(p.order().id().value(), new OrderCommand.Ack(receipt),
          record.timestamp()));
    }
    drain(record.timestamp());
  }

  private void advance(long streamTime) {
    clock.now = Instant.ofEpochMilli(streamTime);
    long p = period.toMillis();
    book.advanceCampaigns(clock.now, Instant.ofEpochMilli(Math.floorDiv(streamTime, p) * p));
    drain(streamTime);
  }

  private void drain(long timestamp) {
    for (OrderEvent e : pending) {
      context.forward(new Record<>(e.order().value(), new OrderCommand.Event(e), timestamp));
    }
    pending.clear();
  }
}
