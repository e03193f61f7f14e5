package io.c2m.json.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.c2m.json.EventProblem.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one event line that the reader needs, pulled out of the line by a streaming
 * parser in one pass. Package-private: a mutable scratch value owned by one read call and reset
 * for every line, so that reading allocates little beyond the signals it produces.
 *
 * <p>Segment puts {@code event} anywhere in the object, possibly after {@code properties}, so the
 * properties are buffered as {@link Fields} and interpreted once the whole line is known.
 */
final class RawEvent {
  /** A JSON number: its text (for attributes such as {@code size: 38}) and its value. */
  record Num(String text, double value, boolean integral) {}

  /** Marks a nested object or array value that is not interpreted. */
  static final Object NESTED = new Object();

  /** Marks a timestamp already parsed from the bytes; see {@link #timestamp}. */
  static final Object PARSED_TIMESTAMP = new Object();

  /** The scalar fields of one JSON object, in order; nested values marked {@link #NESTED}. */
  static final class Fields {
    /** The path, or null until first asked for (see {@link #path()}). */
    private String path;
    /** For a lazily named element: the enclosing object (or null), the field and the index. */
    private Fields parent;
    private String field;
    private int index;
    final List<String> names = new ArrayList<>(8);
    final List<Object> values = new ArrayList<>(8);
    /** Segment's {@code products[]} or GA4's {@code items[]} inside this object, if any. */
    List<Fields> products;
    String productsName;

    Fields(String path) {
      this.path = path;
    }

    /** An empty value for {@link RawEvent}'s pool; named by {@link #reuse}. */
    private Fields() {}

    /**
     * Empties this pooled value and names it lazily: element {@code index} of the array
     * {@code field} of {@code parent} (or of the top level if null), or the object {@code field}
     * itself if {@code index} is negative. The path is only built if a problem names it.
     */
    private Fields reuse(Fields parent, String field, int index) {
      this.path = null;
      this.parent = parent;
      this.field = field;
      this.index = index;
      names.clear();
      values.clear();
      reservedBits = 0;
      products = null;
      productsName = null;
      return this;
    }

    /** The path of this object in the line, such as {@code properties.products[0]}. */
    String path() {
      if (path == null) {
        String base = parent == null ? field : parent.path() + "." + field;
        path = index < 0 ? base : base + "[" + index + "]";
      }
      return path;
    }

    /** Bit i: whether field i (i below 64) is in {@link EventMapping#RESERVED}. */
    private long reservedBits;

    void add(String name, Object value) {
      add(name, value, EventMapping.RESERVED.contains(name));
    }

    /** Adds a field whose {@link EventMapping#RESERVED} membership the caller knows. */
    void add(String name, Object value, boolean reserved) {
      int i = names.size();
      names.add(name);
      values.add(value);
      if (reserved && i < 64) {
        reservedBits |= 1L << i;
      }
    }

    /** Whether field {@code i} is in {@link EventMapping#RESERVED}: not a product attribute. */
    boolean reserved(int i) {
      return i < 64 ? (reservedBits & (1L << i)) != 0
          : EventMapping.RESERVED.contains(names.get(i));
    }

    /**
     * Returns the value of a field.
     *
     * @return a String, Num, Boolean, {@link #NESTED}, or null if absent or JSON null
     */
    Object get(String name) {
      for (int i = 0, n = names.size(); i < n; i++) {
        if (names.get(i).equals(name)) {
          return values.get(i);
        }
      }
      return null;
    }

    String pathOf(String name) {
      return path() + "." + name;
    }
  }

  /**
   * The index of the first byte of {@code [from, to)} that is not part of well-formed UTF-8, or
   * -1: overlong forms (such as {@code C0 AF} for '/'), encoded surrogates ({@code ED A0 80}),
   * code points above U+10FFFF and truncated sequences are all refused, as the Unicode standard
   * requires (table 3-7) and Jackson's decoder does not check.
   */
  static int malformedUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        if (c == 0xE0) {
          lo = 0xA0;
        } else if (c == 0xED) {
          hi = 0x9F;
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        if (c == 0xF0) {
          lo = 0x90;
        } else if (c == 0xF4) {
          hi = 0x8F;
        }
      } else {
        return i;
      }
      if (i + n >= to) {
        return i;
      }
      int second = b[i + 1] & 0xFF;
      if (second < lo || second > hi) {
        return i;
      }
      for (int k = 2; k <= n; k++) {
        int cont = b[i + k] & 0xFF;
        if (cont < 0x80 || cont > 0xBF) {
          return i;
        }
      }
      i += n + 1;
    }
    return -1;
  }

  /**
   * Thrown by {@link #parse} at a top-level {@code events} or {@code batch} field: the line is an
   * envelope of many events ({@link Envelope}), not one event. Preallocated, without a stack
   * trace: an expected outcome.
   */
  static final class EnvelopeFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final EnvelopeFound INSTANCE = new EnvelopeFound();

    private EnvelopeFound() {
      super(null, null, false, false);
    }
  }

  /** A problem with the line; carries no stack trace, it is an expected outcome. */
  static final class LineProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Kind kind;

    LineProblem(Kind kind, String reason) {
      super(reason, null, false, false);
      this.kind = kind;
    }
  }

  Object type;
  Object event;
  Object eventName;
  Object userId;
  Object anonymousId;
  Object gaUserId;
  Object gaPseudoId;
  /**
   * Segment's timestamp: as the parser read it (String, Num, Boolean, {@link #NESTED}), or
   * {@link #PARSED_TIMESTAMP} when {@link FastLineParser} already parsed the common ISO-8601
   * shape from the bytes into {@link #timestampSecond} and {@link #timestampNano} (exactly what
   * {@link IsoInstant#parse(String)} gives for that text).
   */
  Object timestamp;
  /** The seconds since 1970 of a {@link #PARSED_TIMESTAMP}. */
  long timestampSecond;
  /** The nanoseconds of a {@link #PARSED_TIMESTAMP}. */
  int timestampNano;
  Object eventTimestamp;
  Fields properties;
  Fields params;
  List<Fields> items;
  /**
   * The consent the line states, as scalar fields: Segment's
   * {@code context.consent.categoryPreferences}, GA4's {@code consent} or {@code privacy_info};
   * null when the line states none. Interpreted by {@link EventMapping} with its
   * {@link io.c2m.privacy.ConsentMapping}.
   */
  Fields consent;
  /** Whether {@link #consent} is GA4's (true) or Segment's (false). */
  boolean ga4Consent;
  /**
   * Whether this is an event of a GA4 Measurement Protocol body ({@link #parseGa4Event}): its
   * fields are named {@code name} and {@code timestamp_micros}, its user ids {@code user_id}
   * and {@code client_id} (or {@code app_instance_id}), which problems must name.
   */
  boolean mpEvent;

  /** Pooled objects and arrays for {@link FastLineParser}; reused from line to line. */
  private final List<Fields> fieldsPool = new ArrayList<>();
  private int fieldsUsed;
  private final List<List<Fields>> listPool = new ArrayList<>();
  private int listsUsed;

  /** A pooled, emptied {@link Fields}, valid until the next {@link #reset()}. */
  Fields pooledFields(Fields parent, String field, int index) {
    if (fieldsUsed == fieldsPool.size()) {
      fieldsPool.add(new Fields());
    }
    return fieldsPool.get(fieldsUsed++).reuse(parent, field, index);
  }

  /** A pooled, emptied list, valid until the next {@link #reset()}. */
  List<Fields> pooledList() {
    if (listsUsed == listPool.size()) {
      listPool.add(new ArrayList<>(4));
    }
    List<Fields> list = listPool.get(listsUsed++);
    list.clear();
    return list;
  }

  void reset() {
    fieldsUsed = 0;
    listsUsed = 0;
    type = null;
    event = null;
    eventName = null;
    userId = null;
    anonymousId = null;
    gaUserId = null;
    gaPseudoId = null;
    timestamp = null;
    eventTimestamp = null;
    properties = null;
    params = null;
    items = null;
    consent = null;
    ga4Consent = false;
    mpEvent = false;
  }

  /** The top-level field names of the line being parsed by Jackson: a name given twice rejects. */
  private final java.util.HashSet<String> topNames = new java.util.HashSet<>();

  /**
   * The problem for a top-level field given twice: the reader never lets the last copy win, since
   * that would let a line swap its user id or timestamp behind a first, innocent-looking copy.
   */
  static LineProblem duplicate(String name) {
    return new LineProblem(Kind.MALFORMED_JSON, "The field "
        + io.c2m.privacy.PersonalData.excerpt(name) + " is given twice at the top of the event;"
        + " a key must not be given twice in one object.");
  }

  /**
   * Refuses text that is not well-formed Unicode: a lone surrogate (JSON's {@code \ud800}
   * escape, or a surrogate encoded in UTF-8 that the decoder let through).
   */
  static String wellFormed(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new LineProblem(Kind.MALFORMED_JSON,
              "The line holds a lone surrogate (U+" + Integer.toHexString(c).toUpperCase(
                  java.util.Locale.ROOT) + "): text must be well-formed Unicode.");
        }
      }
    }
    return s;
  }

  /**
   * Parses one line.
   *
   * @param p a parser over exactly the line
   * @throws LineProblem if the line is not one JSON object
   * @throws IOException on malformed JSON (a {@link JacksonException})
   */
  void parse(JsonParser p) throws IOException {
    reset();
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw new LineProblem(Kind.MALFORMED_JSON,
          "The line must be one JSON object, but it starts with " + describe(t) + ".");
    }
    String name;
    topNames.clear();
    while ((name = p.nextFieldName()) != null) {
      if (!topNames.add(name)) {
        throw duplicate(name);
      }
      JsonToken v = p.nextToken();
      switch (name) {
        case "type" -> type = scalar(p, v);
        case "event" -> event = scalar(p, v);
        case "event_name" -> eventName = scalar(p, v);
        case "userId" -> userId = scalar(p, v);
        case "anonymousId" -> anonymousId = scalar(p, v);
        case "user_id" -> gaUserId = scalar(p, v);
        case "user_pseudo_id" -> gaPseudoId = scalar(p, v);
        case "timestamp" -> timestamp = scalar(p, v);
        case "event_timestamp" -> eventTimestamp = scalar(p, v);
        case "properties" -> properties = object(p, v, "properties");
        case "params" -> params = mergeParams(object(p, v, "params"));
        case "event_params" -> params = mergeParams(
            v == JsonToken.START_ARRAY ? keyValueArray(p, "event_params", new Fields("event_params"))
                : object(p, v, "event_params"));
        case "items" -> items = objectArray(p, v, "items");
        case "context" -> segmentConsent(p, v);
        case "consent", "privacy_info" -> ga4Consent(p, v, name);
        case "events", "batch" -> throw EnvelopeFound.INSTANCE;
        default -> p.skipChildren();
      }
    }
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new LineProblem(Kind.MALFORMED_JSON,
          "The line must hold one JSON object, but " + describe(after)
              + " follows the object.");
    }
  }

  /**
   * Parses one event of a GA4 Measurement Protocol body's {@code events[]}: {@code name},
   * {@code params} (with {@code items[]} inside, or, leniently, beside) and the event's own
   * {@code timestamp_micros}; every other field is skipped. The body's user ids, timestamp and
   * consent are then set by {@link Envelope}.
   *
   * @param p a parser over exactly the event object
   * @throws LineProblem if the element is not one JSON object or names a field twice
   * @throws IOException on malformed JSON (a {@link JacksonException})
   */
  void parseGa4Event(JsonParser p) throws IOException {
    reset();
    mpEvent = true;
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw new LineProblem(Kind.WRONG_TYPE,
          "The event must be a JSON object, not " + describe(t) + ".");
    }
    String name;
    topNames.clear();
    while ((name = p.nextFieldName()) != null) {
      if (!topNames.add(name)) {
        throw duplicate(name);
      }
      JsonToken v = p.nextToken();
      switch (name) {
        case "name" -> eventName = scalar(p, v);
        case "timestamp_micros" -> eventTimestamp = scalar(p, v);
        case "params" -> params = mergeParams(object(p, v, "params"));
        case "items" -> items = objectArray(p, v, "items");
        default -> p.skipChildren();
      }
    }
  }

  /** Reads {@code context.consent.categoryPreferences}, skipping the rest of the context. */
  private void segmentConsent(JsonParser p, JsonToken v) throws IOException {
    Fields f = segmentContextConsent(p, v);
    if (f != null) {
      consent = f;
      ga4Consent = false;
    }
  }

  /**
   * Reads {@code consent.categoryPreferences} of a Segment {@code context} (of a message or of a
   * whole batch), skipping the rest of the context.
   *
   * @return the preferences, or null if the context states none
   */
  static Fields segmentContextConsent(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren(); // a context that is not an object states no consent
      return null;
    }
    Fields found = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (name.equals("consent") && t == JsonToken.START_OBJECT) {
        String inner;
        while ((inner = p.nextFieldName()) != null) {
          JsonToken u = p.nextToken();
          if (inner.equals("categoryPreferences") && u == JsonToken.START_OBJECT) {
            found = object(p, u, "context.consent.categoryPreferences");
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return found;
  }

  /** Reads GA4's {@code consent} or {@code privacy_info} object of scalar fields. */
  private void ga4Consent(JsonParser p, JsonToken v, String name) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    Fields f = object(p, v, name);
    if (consent != null && ga4Consent) {
      for (int i = 0; i < f.names.size(); i++) {
        consent.add(f.names.get(i), f.values.get(i), false);
      }
    } else {
      consent = f;
      ga4Consent = true;
    }
  }

  /** Merges {@code params} and {@code event_params} given both (the later fields after). */
  Fields mergeParams(Fields f) {
    if (f == null) {
      return params; // a null params or event_params adds nothing and drops nothing
    }
    if (params == null) {
      return f;
    }
    for (int i = 0, n = f.names.size(); i < n; i++) {
      params.add(f.names.get(i), f.values.get(i), f.reserved(i));
    }
    if (f.products != null) {
      params.products = f.products;
      params.productsName = f.productsName;
    }
    return params;
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      default -> "'" + t.asString() + "'";
    };
  }

  /** Reads the current value as a scalar, or {@link #NESTED} after skipping it. */
  static Object scalar(JsonParser p, JsonToken v) throws IOException {
    return switch (v) {
      case VALUE_STRING -> wellFormed(p.getText());
      case VALUE_NUMBER_INT -> new Num(p.getText(), p.getDoubleValue(), true);
      case VALUE_NUMBER_FLOAT -> new Num(p.getText(), p.getDoubleValue(), false);
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> {
        p.skipChildren();
        yield NESTED;
      }
    };
  }

  /** Reads an object of fields; {@code products}/{@code items} arrays inside are kept. */
  static Fields object(JsonParser p, JsonToken v, String path) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      throw new LineProblem(Kind.WRONG_TYPE,
          "The field " + path + " must be an object, not " + describe(v) + ".");
    }
    Fields f = new Fields(path);
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if ((name.equals("products") || name.equals("items")) && t != JsonToken.VALUE_NULL) {
        f.products = objectArray(p, t, path + "." + name);
        f.productsName = name;
      } else if (name.equals("item_params") && t == JsonToken.START_ARRAY) {
        keyValueArray(p, path + ".item_params", f);
      } else if (name.equals("filters") && t == JsonToken.START_ARRAY) {
        filters(p, path + ".filters", f);
      } else if (EventMapping.RESERVED.contains(name) && !EventMapping.READ.contains(name)) {
        p.skipChildren(); // never read: an id, a name, money or free text; not even decoded
      } else {
        f.add(wellFormed(name), scalar(p, t));
      }
    }
    return f;
  }

  private static List<Fields> objectArray(JsonParser p, JsonToken v, String path)
      throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return null;
    }
    if (v != JsonToken.START_ARRAY) {
      p.skipChildren();
      throw new LineProblem(Kind.WRONG_TYPE,
          "The field " + path + " must be an array of objects, not " + describe(v) + ".");
    }
    List<Fields> list = new ArrayList<>(4);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      String at = path + "[" + list.size() + "]";
      if (t != JsonToken.START_OBJECT) {
        throw new LineProblem(Kind.WRONG_TYPE,
            "The element " + at + " must be an object, not " + describe(t) + ".");
      }
      list.add(object(p, t, at));
    }
    return list;
  }

  /**
   * Reads GA4's BigQuery-export form {@code [{"key": "color", "value": {"string_value": "red"}}]}
   * into {@code into}.
   */
  private static Fields keyValueArray(JsonParser p, String path, Fields into) throws IOException {
    JsonToken t;
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      String at = path + "[" + i++ + "]";
      if (t != JsonToken.START_OBJECT) {
        throw new LineProblem(Kind.WRONG_TYPE,
            "The element " + at + " must be an object with key and value, not " + describe(t)
                + ".");
      }
      String key = null;
      Object value = null;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken v = p.nextToken();
        if (name.equals("key")) {
          Object k = scalar(p, v);
          if (!(k instanceof String s)) {
            throw new LineProblem(Kind.WRONG_TYPE, "The field " + at + ".key must be a string.");
          }
          key = s;
        } else if (name.equals("value") && v == JsonToken.START_OBJECT) {
          String vn;
          while ((vn = p.nextFieldName()) != null) {
            Object x = scalar(p, p.nextToken());
            if (x != null && vn.endsWith("_value")) {
              value = x;
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (key == null) {
        throw new LineProblem(Kind.MISSING_FIELD, "The field " + at + ".key is missing.");
      }
      into.add(key, value);
    }
    return into;
  }

  /** Reads Segment's {@code filters: [{"type": "color", "value": "red"}]}. */
  private static void filters(JsonParser p, String path, Fields into) throws IOException {
    JsonToken t;
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      String at = path + "[" + i++ + "]";
      if (t != JsonToken.START_OBJECT) {
        throw new LineProblem(Kind.WRONG_TYPE,
            "The element " + at + " must be an object with type and value, not " + describe(t)
                + ".");
      }
      Object type = null;
      Object value = null;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken v = p.nextToken();
        if (name.equals("type")) {
          type = scalar(p, v);
        } else if (name.equals("value")) {
          value = scalar(p, v);
        } else {
          p.skipChildren();
        }
      }
      if (type instanceof String s && value != null) {
        into.add(s, value);
      }
    }
  }
}
