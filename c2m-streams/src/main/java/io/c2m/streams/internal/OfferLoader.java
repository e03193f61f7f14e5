package io.c2m.streams.internal;

import io.c2m.json.C2mJson;
import io.c2m.order.Offer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the offers topic into the global offers store. A global store's processor cannot forward,
 * so a record that is not an offer keyed by its design cannot reach the dead-letter topic: it is
 * skipped with a warning naming the topic, partition, offset and rule (offers are a business's
 * terms, not consumer data), and orders for its design are refused by the offer rule.
 */
public final class OfferLoader implements Processor<byte[], byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(OfferLoader.class);
  private final String storeName;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, Offer> offers;

  /**
   * Creates the loader.
   *
   * @param storeName the global offers store
   */
  public OfferLoader(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> c) {
    this.context = c;
    this.offers = c.getStateStore(storeName);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.key() == null || record.value() == null) {
      skip("an offer needs a key (its design id) and a value");
      return;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    try {
      Offer o = C2mJson.fromJson(new String(record.value(), StandardCharsets.UTF_8), Offer.class);
      if (o.design().value().equals(key)) {
        offers.put(key, o);
      } else {
        skip("the offer's design id differs from the record's key");
      }
    } catch (IllegalArgumentException e) {
      skip("the value is not an offer in c2m's JSON: " + e.getMessage());
    }
  }

  private void skip(String reason) {
    var m = context.recordMetadata();
    LOG.warn("Skipped a bad offer at topic {} partition {} offset {}: {}",
        m.map(x -> x.topic()).orElse("?"), m.map(x -> x.partition()).orElse(-1),
        m.map(x -> x.offset()).orElse(-1L), reason);
  }
}
