package io.c2m.streams.internal;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * A record that could not be read: its source and the reason, for the dead-letter topic. The
 * reason names the topic, partition and offset and the rule broken, never the record's content.
 *
 * @param topic the source topic
 * @param partition the source partition
 * @param offset the source offset
 * @param reason why it was refused
 * @param key the record's key bytes, possibly null
 * @param value the record's value bytes, possibly null
 */
public record DeadLetter(
    String topic, int partition, long offset, String reason, byte[] key, byte[] value) {
  /** Header with the reason. */
  public static final String REASON = "c2m.error.reason";
  /** Header with the source topic. */
  public static final String TOPIC = "c2m.error.topic";
  /** Header with the source partition. */
  public static final String PARTITION = "c2m.error.partition";
  /** Header with the source offset. */
  public static final String OFFSET = "c2m.error.offset";

  /** Validates. */
  public DeadLetter {
    requireNonNull(topic, "topic");
    requireNonNull(reason, "reason");
  }

  /**
   * A dead letter for the record being processed.
   *
   * @param context the processor context
   * @param reason why
   * @param key the key bytes
   * @param value the value bytes
   * @return the dead letter
   */
  public static DeadLetter of(ProcessorContext<?, ?> context, String reason, byte[] key,
      byte[] value) {
    var meta = context.recordMetadata();
    String topic = meta.map(m -> m.topic()).orElse("?");
    int partition = meta.map(m -> m.partition()).orElse(-1);
    long offset = meta.map(m -> m.offset()).orElse(-1L);
    return new DeadLetter(topic, partition, offset,
        "topic " + topic + " partition " + partition + " offset " + offset + ": " + reason,
        key, value);
  }

  /**
   * The headers of the dead-letter record.
   *
   * @return the headers
   */
  public Headers headers() {
    Headers h = new RecordHeaders();
    h.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
    h.add(TOPIC, topic.getBytes(StandardCharsets.UTF_8));
    h.add(PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
    h.add(OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
    return h;
  }

  /**
   * The reason of a dead-letter record, from its headers.
   *
   * @param headers the headers
   * @return the reason, if any
   */
  public static Optional<String> reasonOf(Headers headers) {
    var h = headers.lastHeader(REASON);
    return h == null ? Optional.empty()
        : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
  }
}
