package io.c2m.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * Ready-made Jackson mappers for c2m's records, with {@link C2mJacksonModule} registered and these
 * settings:
 * <ul>
 *   <li>strict reading: unknown fields, missing or null record components, null for a primitive,
 *       numbers for enums and trailing tokens are errors naming the field (Jackson's message
 *       gives the path, e.g. {@code BatchPlan["batches"]->...->ProductionBatch["quantity"]});
 *   <li>deterministic writing: map entries sorted by key, so equal values give equal bytes;
 *   <li>public members are used as they are, never made accessible by reflection, so the
 *       mapper works on the module path without {@code opens}.
 * </ul>
 *
 * <p>The mapper is thread-safe once configured: create it once and share it.
 */
public final class C2mJson {
  private static final ObjectMapper SHARED = mapper();

  private C2mJson() {}

  /**
   * Returns a builder with the module registered and the settings above, for callers who add
   * their own configuration.
   *
   * @return a new builder
   */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .addModule(new C2mJacksonModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
        .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS);
  }

  /**
   * Returns a new, configured mapper.
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return builder().build();
  }

  /**
   * Writes a value as compact JSON text with a shared mapper.
   *
   * @param value a c2m record (or any value the mapper handles)
   * @return the JSON text
   * @throws UncheckedIOException if the value cannot be written
   */
  public static String toJson(Object value) {
    try {
      return SHARED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a value from JSON text with a shared mapper.
   *
   * @param json the text
   * @param type the record type
   * @param <T> the type
   * @return the value
   * @throws IllegalArgumentException if the text is not valid JSON for the type; the message
   *     gives the path to the field (such as {@code batches[0].quantity}), the line and column,
   *     and the rule broken
   */
  public static <T> T fromJson(String json, Class<T> type) {
    requireNonNull(json, "json");
    requireNonNull(type, "type");
    try {
      return SHARED.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot read " + type.getSimpleName() + " from JSON" + where(e) + ": "
              + e.getOriginalMessage(), e);
    }
  }

  /** Describes where an error is: {@code " at batches[0].quantity (line 1, column 148)"}. */
  private static String where(JsonProcessingException e) {
    StringBuilder sb = new StringBuilder();
    if (e instanceof JsonMappingException m) {
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          sb.append('[').append(r.getIndex()).append(']');
        }
      }
    }
    String at = sb.length() > 0 ? " at " + sb : "";
    JsonLocation loc = e.getLocation();
    return loc == null ? at
        : at + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }
}
