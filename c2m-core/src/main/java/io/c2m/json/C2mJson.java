package io.c2m.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.c2m.json.internal.ReadSettings;
import io.c2m.json.internal.SafeMessages;
import java.io.UncheckedIOException;

/**
 * Ready-made Jackson mappers for c2m's records, with {@link C2mJacksonModule} registered and these
 * settings:
 * <ul>
 *   <li>{@link java.time.Instant} and {@link java.time.Duration} are ISO-8601 text everywhere,
 *       not only in c2m's records;
 *   <li>strict reading: unknown fields, missing or null record components, null for a primitive,
 *       numbers for enums, a key given twice in one object and trailing tokens are errors naming
 *       the path to the field ({@link #fromJson(String, Class)} gives it as
 *       {@code batches[0].quantity});
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
    // The read limits are set explicitly (not inherited from whichever Jackson is on the class
    // path), and no polymorphic default typing is ever activated: a test asserts both.
    return JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(ReadSettings.READ_CONSTRAINTS).build())
        .addModule(new C2mJacksonModule())
        .addModule(C2mJacksonModule.isoTimeEverywhere())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
   * Converts a value to a JSON tree with a shared mapper, as {@link #toJson(Object)} would write
   * it; for callers who add fields before writing (such as a {@link JsonEnvelope}'s data).
   *
   * @param value a c2m record (or any value the mapper handles)
   * @return the tree
   * @throws IllegalArgumentException if the value cannot be converted
   */
  public static com.fasterxml.jackson.databind.JsonNode toTree(Object value) {
    return SHARED.valueToTree(value);
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
   *     and the rule broken, but no value of the input: Jackson's quoted values and character
   *     codes are left out. For the same reason Jackson's exception is not attached as the
   *     cause; a record constructor's exception (whose message follows c2m's rules) is.
   */
  public static <T> T fromJson(String json, Class<T> type) {
    requireNonNull(json, "json");
    requireNonNull(type, "type");
    try {
      return SHARED.readValue(json, type);
    } catch (JsonProcessingException e) {
      String original = e.getOriginalMessage();
      StreamReadException syntax = syntaxError(e);
      String rule = syntax != null && String.valueOf(syntax.getOriginalMessage())
          .startsWith("Duplicate ")
          ? "a key must not be given twice in one object"
          : SafeMessages.rule(original);
      throw new IllegalArgumentException(
          "Cannot read " + type.getSimpleName() + " from JSON" + where(e) + ": " + rule,
          c2mCause(e));
    }
  }

  /**
   * The exception a c2m constructor threw, if that is what failed, else null. Other causes
   * (Jackson's, or the JDK's such as a {@code NumberFormatException}) may quote the input.
   */
  private static Throwable c2mCause(JsonProcessingException e) {
    if (e.getCause() instanceof RuntimeException c) {
      StackTraceElement[] trace = c.getStackTrace();
      if (trace.length > 0 && trace[0].getClassName().startsWith("io.c2m.")) {
        return c;
      }
    }
    return null;
  }

  /** Describes where an error is: {@code " at batches[0].quantity (line 1, column 148)"}. */
  private static String where(JsonProcessingException e) {
    StringBuilder sb = new StringBuilder();
    StreamReadException syntax = syntaxError(e);
    if (syntax != null && syntax.getProcessor() != null) {
      // A syntax error (such as a key given twice): the parser's path reaches the key itself,
      // where a mapping path stops at the value being built.
      path(syntax.getProcessor().getParsingContext(), sb);
    } else if (e instanceof JsonMappingException m) {
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
    // Field names come from the input: quoted only as short excerpts with controls escaped.
    String at = sb.length() > 0 ? " at " + io.c2m.privacy.PersonalData.excerpt(sb.toString())
        : "";
    JsonLocation loc = e.getLocation();
    return loc == null ? at
        : at + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
  }

  /** The syntax error behind {@code e} (itself or a cause), or null. */
  private static StreamReadException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException s) {
        return s;
      }
    }
    return null;
  }

  /** Appends the path of a parser context: {@code batches[0].cost}. */
  private static void path(JsonStreamContext ctx, StringBuilder sb) {
    if (ctx == null || ctx.inRoot()) {
      return;
    }
    path(ctx.getParent(), sb);
    if (ctx.inObject() && ctx.getCurrentName() != null) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(ctx.getCurrentName());
    } else if (ctx.inArray() && ctx.getCurrentIndex() >= 0) {
      sb.append('[').append(ctx.getCurrentIndex()).append(']');
    }
  }
}
