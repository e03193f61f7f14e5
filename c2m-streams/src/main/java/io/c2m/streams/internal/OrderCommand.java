package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.c2m.json.C2mJson;
import io.c2m.order.Order;
import io.c2m.order.OrderEvent;
import io.c2m.order.OrderReceipt;
import io.c2m.streams.DesignPlan;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What flows through the order intake: an order for the design's task; and, out of the
 * processors, an acknowledgement, a lifecycle event, a design's plan or a dead letter. Only
 * orders cross the repartition topic ({@link #serde()}).
 */
public sealed interface OrderCommand {
  /**
   * An order to accept.
   *
   * @param order the order
   */
  record Place(Order order) implements OrderCommand {
    /** Validates. */
    public Place {
      requireNonNull(order, "order");
    }
  }

  /**
   * The acknowledgement of an order.
   *
   * @param receipt the receipt
   */
  record Ack(OrderReceipt receipt) implements OrderCommand {
    /** Validates. */
    public Ack {
      requireNonNull(receipt, "receipt");
    }
  }

  /**
   * A lifecycle event of an order.
   *
   * @param event the event
   */
  record Event(OrderEvent event) implements OrderCommand {
    /** Validates. */
    public Event {
      requireNonNull(event, "event");
    }
  }

  /**
   * A design's plan after a stream-time check, for the plans topic.
   *
   * @param plan the plan
   */
  record Plan(DesignPlan plan) implements OrderCommand {
    /** Validates. */
    public Plan {
      requireNonNull(plan, "plan");
    }
  }

  /**
   * A record that could not be read.
   *
   * @param letter the dead letter
   */
  record Dead(DeadLetter letter) implements OrderCommand {
    /** Validates. */
    public Dead {
      requireNonNull(letter, "letter");
    }
  }

  /**
   * The Serde of the orders-by-design repartition topic.
   *
   * @return the Serde
   */
  static Serde<OrderCommand> serde() {
    ObjectMapper mapper = C2mJson.mapper();
    return Serdes.serdeFrom(
        (topic, c) -> {
          if (c == null) {
            return null;
          }
          ObjectNode node = mapper.createObjectNode();
          if (c instanceof Place p) {
            node.set("order", mapper.valueToTree(p.order()));
          } else {
            throw new SerializationException("Only orders are written to " + topic + ".");
          }
          try {
            return mapper.writeValueAsBytes(node);
          } catch (IOException e) {
            throw new SerializationException("Cannot write to " + topic + ".", e);
          }
        },
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            JsonNode node = mapper.readTree(bytes);
            if (node.has("order")) {
              return new Place(mapper.treeToValue(node.get("order"), Order.class));
            }
            throw new SerializationException("A record of topic " + topic + " is no order.");
          } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("A record of topic " + topic
                + " is not an order command in c2m's JSON (" + e.getClass().getSimpleName()
                + ").");
          }
        });
  }
}
