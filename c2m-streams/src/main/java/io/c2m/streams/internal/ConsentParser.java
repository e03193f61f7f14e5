package io.c2m.streams.internal;

import io.c2m.ConsumerId;
import io.c2m.json.C2mJson;
import io.c2m.signal.ConsumerAccount;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Reads a record of the consents topic: key the pseudonymous consumer id, value a {@link
 * ConsumerAccount} in c2m's JSON ({@code {"id": "...", "consents": ["PROFILING"]}}), or no value
 * (a tombstone) to forget the consumer. A record that cannot be read goes to the dead-letter
 * topic with the reason.
 */
public final class ConsentParser implements Processor<byte[], byte[], String, ProfileCommand> {
  private ProcessorContext<String, ProfileCommand> context;

  @Override
  public void init(ProcessorContext<String, ProfileCommand> c) {
    this.context = c;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.key() == null) {
      dead(record, "the record has no key; a consent is keyed by the consumer id.");
      return;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    ConsumerId id;
    try {
      id = new ConsumerId(key);
    } catch (IllegalArgumentException e) {
      dead(record, "the key is not a consumer id: " + e.getMessage());
      return;
    }
    if (record.value() == null) {
      context.forward(new Record<>(key, new ProfileCommand.Forget(id), record.timestamp()));
      return;
    }
    ConsumerAccount account;
    try {
      account = C2mJson.fromJson(
          new String(record.value(), StandardCharsets.UTF_8), ConsumerAccount.class);
    } catch (IllegalArgumentException e) {
      dead(record, "the value is not a consumer account in c2m's JSON: " + e.getMessage());
      return;
    }
    if (!account.id().equals(id)) {
      dead(record, "the account's id differs from the record's key.");
      return;
    }
    context.forward(new Record<>(key, new ProfileCommand.Consent(account), record.timestamp()));
  }

  private void dead(Record<byte[], byte[]> record, String reason) {
    context.forward(new Record<>("", new ProfileCommand.Dead(
        DeadLetter.of(context, reason, record.key(), record.value())), record.timestamp()));
  }
}
