package io.c2m.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;

/**
 * The one shape of every JSON document c2m writes for other programs (the command line's
 * {@code --json} outputs and the JSON ERP export):
 *
 * <pre>{@code
 * {"schemaVersion": "1.0", "kind": "niches", "c2mVersion": "0.1.0", "asOf": "2026-12-01T00:00:00Z",
 *  "data": ...}
 * }</pre>
 *
 * <p>{@code kind} names the shape of {@code data}; each kind has a JSON Schema in the
 * repository's {@code docs/schemas/KIND.schema.json} ({@code envelope.schema.json} for the
 * envelope alone). {@code schemaVersion} changes its major number when a field is removed or
 * changes meaning, its minor number when one is added. {@code c2mVersion} is the version of the
 * c2m-core jar that wrote it, from the build. {@code asOf} is the instant the data describes (the
 * niches' as-of time, the plan's creation), ISO-8601 UTC. {@code data} is written by {@link
 * C2mJson}'s mapper, so enums, ids and times are spelled as everywhere else in c2m ({@code
 * "EMERGING"}, ids as text, ISO-8601 times), and money as {@link Money}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param schemaVersion the version of the document's schema, such as {@code 1.0}
 * @param kind the kind of data, such as {@code niches}, {@code forecast} or {@code plan}
 * @param c2mVersion the c2m version that wrote the document
 * @param asOf the instant the data describes
 * @param data the data
 */
public record JsonEnvelope(
    String schemaVersion, String kind, String c2mVersion, Instant asOf, JsonNode data) {
  /** The schema version c2m writes. */
  public static final String SCHEMA_VERSION = "1.0";

  private static final String VERSION = readVersion();

  private static final ObjectMapper PRETTY = C2mJson.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      // Money keeps its minor unit in trees too: 85.00, not 85.
      .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a text is blank or the kind is not lower-case words
   *     joined by hyphens
   */
  public JsonEnvelope {
    requireNonNull(schemaVersion, "schemaVersion");
    requireNonNull(kind, "kind");
    requireNonNull(c2mVersion, "c2mVersion");
    requireNonNull(asOf, "asOf");
    requireNonNull(data, "data");
    if (!kind.matches("[a-z]+(-[a-z]+)*")) {
      throw new IllegalArgumentException("The kind (" + kind + ") must be lower-case words "
          + "joined by hyphens, such as forecast-evaluation.");
    }
    if (schemaVersion.isBlank() || c2mVersion.isBlank()) {
      throw new IllegalArgumentException("The schema version and c2m version must not be blank.");
    }
  }

  /**
   * An envelope of this c2m's schema and version around a value, which C2mJson's mapper turns
   * into JSON (a {@link Money} as {@code {"amount": 27.20, "currency": "EUR"}}).
   *
   * @param kind the kind of data
   * @param asOf the instant the data describes
   * @param value the data: c2m records, lists and maps of them, or a {@link JsonNode}
   * @return the envelope
   */
  public static JsonEnvelope of(String kind, Instant asOf, Object value) {
    requireNonNull(value, "value");
    JsonNode data = value instanceof JsonNode n ? n : PRETTY.valueToTree(value);
    return new JsonEnvelope(SCHEMA_VERSION, kind, currentVersion(), asOf, data);
  }

  /**
   * The version of c2m-core, as the build wrote it into the jar.
   *
   * @return the version, such as {@code 0.1.0}
   */
  public static String currentVersion() {
    return VERSION;
  }

  /**
   * A money value as a JSON object, {@code {"amount": 27.20, "currency": "EUR"}}, for callers
   * assembling a tree.
   *
   * @param money the money
   * @return the object
   */
  public static ObjectNode money(Money money) {
    return PRETTY.valueToTree(money);
  }

  /**
   * The envelope as indented JSON text, fields in the order above.
   *
   * @return the text
   * @throws UncheckedIOException if it cannot be written
   */
  public String toJson() {
    try {
      return PRETTY.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readVersion() {
    Properties p = new Properties();
    try (InputStream in = JsonEnvelope.class.getResourceAsStream("c2m-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("c2m-core lacks io/c2m/json/c2m-version.properties."
            + "\nMaybe the jar was not built by Maven (resource filtering writes it).");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String v = p.getProperty("version", "");
    if (v.isBlank() || v.startsWith("${")) {
      throw new IllegalStateException("c2m-core's version resource was not filtered: " + v);
    }
    return v;
  }
}
