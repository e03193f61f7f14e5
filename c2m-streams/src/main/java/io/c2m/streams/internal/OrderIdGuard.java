package io.c2m.streams.internal;

import io.c2m.order.OrderReceipt;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The first stage of the order intake, keyed by order id: remembers the design each order id
 * first named and forwards the order keyed by its design, where core's order book decides
 * (accepted, duplicate, or refused by a rule). An order whose id first named another design is
 * refused here, with the order book's own reason, since its book lives in another task: the
 * only case where the streams intake differs from the engine is an id whose first order was
 * refused by a rule and which is reused for another design (the engine would judge the second
 * afresh; here the id stays bound to its first design).
 */
public final class OrderIdGuard implements Processor<String, OrderCommand, String, OrderCommand> {
  private final String storeName;
  private ProcessorContext<String, OrderCommand> context;
  private KeyValueStore<String, String> designOf;

  /**
   * Creates the guard.
   *
   * @param storeName the store of each order id's first design
   */
  public OrderIdGuard(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, OrderCommand> c) {
    this.context = c;
    this.designOf = c.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, OrderCommand> record) {
    if (!(record.value() instanceof OrderCommand.Place p)) {
      return;
    }
    String id = p.order().id().value();
    String design = p.order().design().value();
    String first = designOf.get(id);
    if (first == null) {
      designOf.put(id, design);
    } else if (!first.equals(design)) {
      context.forward(record.withKey(id).withValue(new OrderCommand.Ack(new OrderReceipt(
          p.order().id(), OrderReceipt.Status.REJECTED, "The order id (" + p.order().id()
              + ") is already taken by an order with other content (consumer, design, "
              + "quantity or unit price); the first order is kept."))));
      return;
    }
    context.forward(record.withKey(design));
  }
}
