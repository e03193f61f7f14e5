package io.c2m.streams.internal;

import io.c2m.json.C2mJson;
import io.c2m.order.Order;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads a record of the orders topic: key the order id, value an {@link Order} in c2m's JSON. A
 * record that cannot be read, or whose key is not its id, goes to the dead-letter topic with the
 * reason.
 */
public final class OrderParser implements Processor<byte[], byte[], String, OrderCommand> {
  private ProcessorContext<String, OrderCommand> context;

  @Override
  public void init(ProcessorContext<String, OrderCommand> c) {
    this.context = c;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.value() == null || record.key() == null) {
      dead(record, "the record has no " + (record.key() == null ? "key" : "value")
          + "; an order is keyed by its id.");
      return;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    try {
      Order o = C2mJson.fromJson(new String(record.value(), StandardCharsets.UTF_8),
          Order.class);
      if (!o.id().value().equals(key)) {
        dead(record, "the order's id differs from the record's key.");
        return;
      }
      context.forward(new Record<>(key, new OrderCommand.Place(o), record.timestamp()));
    } catch (IllegalArgumentException e) {
      dead(record, "the value is not an order in c2m's JSON: " + e.getMessage());
    }
  }

  private void dead(Record<byte[], byte[]> record, String reason) {
    context.forward(new Record<>("", new OrderCommand.Dead(
        DeadLetter.of(context, reason, record.key(), record.value())), record.timestamp()));
  }
}
