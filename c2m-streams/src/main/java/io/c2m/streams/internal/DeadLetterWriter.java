package io.c2m.streams.internal;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns dead letters into records of the dead-letter topic: the original key and value bytes
 * (so they can be corrected and replayed), with the reason, topic, partition and offset in
 * headers ({@link DeadLetter#headers()}).
 */
public final class DeadLetterWriter implements Processor<String, ProfileCommand, byte[], byte[]> {
  private ProcessorContext<byte[], byte[]> context;

  @Override
  public void init(ProcessorContext<byte[], byte[]> c) {
    this.context = c;
  }

  @Override
  public void process(Record<String, ProfileCommand> record) {
    if (record.value() instanceof ProfileCommand.Dead d) {
      DeadLetter l = d.letter();
      context.forward(new Record<>(l.key(), l.value(), record.timestamp(), l.headers()));
    }
  }
}
