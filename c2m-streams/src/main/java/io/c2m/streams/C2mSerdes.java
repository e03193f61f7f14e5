package io.c2m.streams;

import static java.util.Objects.requireNonNull;

import io.c2m.json.C2mJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Serdes for c2m's records, as the JSON of {@link C2mJson} (core's {@code
 * C2mJacksonModule}, strict reading, map entries sorted so equal values give equal bytes). A
 * record that cannot be read raises a {@link SerializationException} naming the topic and the
 * type, with the path to the bad field but no value of the input; Kafka Streams adds the
 * partition and offset when it hands the record to its deserialization exception handler.
 */
public final class C2mSerdes {
  private C2mSerdes() {}

  /**
   * A Serde of one c2m record type (or any type the c2m mapper handles). A {@code null} value
   * (a tombstone) stays {@code null} both ways.
   *
   * @param type the type
   * @param <T> the type
   * @return the Serde; thread-safe
   */
  public static <T> Serde<T> json(Class<T> type) {
    requireNonNull(type, "type");
    Serializer<T> ser = (topic, value) ->
        value == null ? null : C2mJson.toJson(value).getBytes(StandardCharsets.UTF_8);
    Deserializer<T> de = (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return C2mJson.fromJson(new String(bytes, StandardCharsets.UTF_8), type);
      } catch (IllegalArgumentException e) {
        throw new SerializationException("A record of topic " + topic + " is not a "
            + type.getSimpleName() + " in c2m's JSON: " + e.getMessage(), e);
      }
    };
    return Serdes.serdeFrom(ser, de);
  }
}
