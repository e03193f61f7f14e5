package io.c2m.json.internal;

import io.c2m.json.EventReader;
import io.c2m.json.internal.RawEvent.Fields;
import io.c2m.json.internal.RawEvent.Num;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The fast path of {@link EventReader} for UTF-8 lines: reads one line's bytes straight into a
 * {@link RawEvent}, with no parser object, no String per field name and none per repeated value
 * (an {@link Interner} gives each distinct one once per read), and the common ISO-8601 timestamp
 * parsed from the bytes ({@link IsoInstant#epochSecond(byte[], int, int)}), without an
 * {@link Instant}.
 *
 * <p>It accepts only a strict subset of JSON and <b>gives up</b> (returns false) on anything
 * else: a byte outside printable ASCII (in or out of strings), an escape sequence, a number with
 * an exponent or more than 18 digits, nesting deeper than {@value #MAX_DEPTH}, any syntax error,
 * and any field of a type that the reader would reject (a {@code properties} that is not an
 * object, an {@code items} element that is not an object, a key that is not a string...). The
 * reader then parses the line again with Jackson ({@link RawEvent#parse}), which decides and
 * explains. So every line this parser accepts is well-formed JSON that Jackson reads to an equal
 * {@link RawEvent} (same fields, same values, same order), and every problem is still reported by
 * the Jackson path with its usual reason: the fast path changes speed, never results. Numbers are
 * given exactly the values Jackson gives them: an integer its {@code long} value as a double, a
 * decimal {@link Double#parseDouble}.
 *
 * <p>Single-threaded: one per read.
 */
final class FastLineParser {
  /** Deepest nesting read; deeper lines go to Jackson. */
  static final int MAX_DEPTH = 64;
  /** Longest number read (sign, digits and point); longer ones go to Jackson. */
  private static final int MAX_NUMBER_LENGTH = 24;
  /** Longest string or name read, in bytes; longer ones go to Jackson. */
  private static final int MAX_STRING_LENGTH = 10_000;
  /** Numbers up to this many bytes are interned (prices, sizes); longer ones (timestamps) not. */
  private static final int MAX_INTERNED_NUMBER = 12;

  /** Thrown to give up on a line; preallocated and without a stack trace: it costs nothing. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /** A field name read, with what the reader needs to know about it, made once per read. */
  private static final class Name {
    final String text;
    /** In {@link EventMapping#RESERVED} and not price or rating: skipped in products. */
    final boolean skipped;
    /** In {@link EventMapping#RESERVED}. */
    final boolean reserved;

    /** Which top-level field this is: an index into {@link #TOP_LEVEL}, or -1. */
    final int top;

    /** The {@link FastLineParser#stamp} of the line whose top level last named this field. */
    int seenAt = -1;

    /**
     * What a member of this name is inside an object: {@link #PRODUCTS} ("products", "items"),
     * {@link #ITEM_PARAMS}, {@link #FILTERS}, or {@link #PLAIN}; decided once per name, not per
     * member.
     */
    final int inObject;

    Name(String text) {
      this.text = text;
      this.top = TOP_LEVEL.indexOf(text);
      this.inObject = switch (text) {
        case "products", "items" -> PRODUCTS;
        case "item_params" -> ITEM_PARAMS;
        case "filters" -> FILTERS;
        default -> PLAIN;
      };
      this.reserved = EventMapping.RESERVED.contains(text);
      this.skipped = reserved && !EventMapping.READ.contains(text);
    }
  }

  private static final int PLAIN = 0;
  private static final int PRODUCTS = 1;
  private static final int ITEM_PARAMS = 2;
  private static final int FILTERS = 3;

  /** The top-level fields read; the others are skipped. */
  private static final List<String> TOP_LEVEL = List.of("type", "event", "event_name", "userId",
      "anonymousId", "user_id", "user_pseudo_id", "timestamp", "event_timestamp", "properties",
      "params", "event_params", "items", "context", "consent", "privacy_info",
      // Envelopes (a GA4 Measurement Protocol body's events[], a Segment batch[]): given up on,
      // so that the reader reads them element by element (see Envelope).
      "events", "batch");

  /** Field names: few and hot. */
  private final Interner names = new Interner();
  /** String values: event names, attribute values; few and hot. */
  private final Interner strings = new Interner();
  /** User ids: many; kept apart so that the hot tables stay small. */
  private final Interner users = new Interner();
  private final Interner numbers = new Interner();
  private byte[] b;
  private int pos;
  private int end;
  private RawEvent e;
  /** Counts lines, so that {@link Name#seenAt} tells a name given twice at the top level. */
  private int stamp;

  /**
   * Reads one line.
   *
   * @param buf the bytes
   * @param from the line's first byte
   * @param to after the line's last byte (without the newline)
   * @param event receives the line's fields; reset first
   * @return true if the line was read; false if the caller must parse it with Jackson (the event
   *     is then in an unspecified state and must be reset by that parse)
   */
  boolean parse(byte[] buf, int from, int to, RawEvent event) {
    b = buf;
    pos = from;
    end = to;
    e = event;
    event.reset();
    int line = ++stamp;
    try {
      ws();
      if (at() != '{') {
        return false;
      }
      pos++;
      if (firstMember()) {
        do {
          Name top = name();
          if (top.seenAt == line) {
            throw GIVE_UP; // a field given twice: Jackson's path rejects the line
          }
          top.seenAt = line;
          switch (top.top) { // the order of TOP_LEVEL
            case 0 -> e.type = scalar();
            case 1 -> e.event = scalar();
            case 2 -> e.eventName = scalar();
            case 3 -> e.userId = user();
            case 4 -> e.anonymousId = user();
            case 5 -> e.gaUserId = user();
            case 6 -> e.gaPseudoId = user();
            case 7 -> e.timestamp = timestamp(e);
            case 8 -> e.eventTimestamp = scalar();
            case 9 -> e.properties = object(null, "properties", -1, 2);
            case 10 -> e.params = e.mergeParams(object(null, "params", -1, 2));
            case 11 -> e.params = e.mergeParams(at() == '['
                ? keyValueArray(e.pooledFields(null, "event_params", -1))
                : object(null, "event_params", -1, 2));
            case 12 -> e.items = objectArray(null, "items", 2);
            case 13 -> segmentConsent();
            case 14 -> ga4Consent("consent");
            case 15 -> ga4Consent("privacy_info");
            case 16, 17 -> throw GIVE_UP;
            default -> skip(1);
          }
        } while (nextMember());
      }
      ws();
      return pos == end;
    } catch (GiveUp g) {
      return false;
    }
  }

  /** As {@code RawEvent.segmentConsent}: {@code context.consent.categoryPreferences}. */
  private void segmentConsent() {
    if (at() != '{') {
      skip(1);
      return;
    }
    pos++;
    if (firstMember()) {
      do {
        Name n = name();
        if (n.text.equals("consent") && at() == '{') {
          pos++;
          if (firstMember()) {
            do {
              Name inner = name();
              if (inner.text.equals("categoryPreferences") && at() == '{') {
                e.consent = object(null, "context.consent.categoryPreferences", -1, 4);
                e.ga4Consent = false;
              } else {
                skip(3);
              }
            } while (nextMember());
          }
        } else {
          skip(2);
        }
      } while (nextMember());
    }
  }

  /** As {@code RawEvent.ga4Consent}. */
  private void ga4Consent(String field) {
    if (at() != '{') {
      skip(1);
      return;
    }
    Fields f = object(null, field, -1, 2);
    if (e.consent != null && e.ga4Consent) {
      for (int i = 0; i < f.names.size(); i++) {
        e.consent.add(f.names.get(i), f.values.get(i), false);
      }
    } else {
      e.consent = f;
      e.ga4Consent = true;
    }
  }

  // ---- syntax

  /** The byte at the position; gives up at the end of the line. */
  private byte at() {
    if (pos >= end) {
      throw GIVE_UP;
    }
    return b[pos];
  }

  private void expect(char c) {
    if (at() != c) {
      throw GIVE_UP;
    }
    pos++;
  }

  private void ws() {
    while (pos < end) {
      byte c = b[pos];
      if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** After '{' or '[': true if a member or element follows, false after the {@code close}. */
  private boolean first(char close) {
    ws();
    if (at() == close) {
      pos++;
      return false;
    }
    return true;
  }

  /**
   * After a member's or element's value: true after a ',' (another follows), false after the
   * {@code close} ('}' or ']'); anything else gives up.
   */
  private boolean next(char close) {
    ws();
    byte c = at();
    pos++;
    if (c == ',') {
      ws();
      return true;
    }
    if (c == close) {
      return false;
    }
    throw GIVE_UP;
  }

  private boolean firstMember() {
    return first('}');
  }

  private boolean nextMember() {
    return next('}');
  }

  private boolean firstElement() {
    return first(']');
  }

  private boolean nextElement() {
    return next(']');
  }

  /** Reads {@code "name" :} and the space after it; returns the interned name. */
  private Name name() {
    int start = pos + 1;
    int close = stringEnd();
    pos = close + 1;
    Object n = names.find(b, start, close, hash, head0, head1);
    if (n == null) {
      n = new Name(new String(b, start, close - start, StandardCharsets.ISO_8859_1));
      names.put(b, start, close, n);
    }
    ws();
    expect(':');
    ws();
    return (Name) n;
  }

  /** A user id: a string interned apart, or any other value as {@link #scalar()} reads it. */
  private Object user() {
    return at() == '"' ? string(users) : scalar();
  }

  /** The polynomial hash of the last string's bytes, as {@link Interner#find} computes it. */
  private int hash;
  /** {@link Interner#pack} of the last string's first 16 bytes. */
  private long head0;
  private long head1;

  /**
   * Skips a string's body from the opening quote, hashing its bytes into {@link #hash}; returns
   * the index of the closing quote.
   */
  private int stringEnd() {
    expect('"');
    int h = 0;
    long w0 = 0;
    long w1 = 0;
    for (int i = pos; i < end; i++) {
      byte c = b[i];
      if (c == '"') {
        if (i - pos > MAX_STRING_LENGTH) {
          throw GIVE_UP; // far below Jackson's limits on names and strings, so never beyond them
        }
        hash = h;
        head0 = w0;
        head1 = w1;
        return i;
      }
      if (c < 0x20 || c == '\\' || c == 0x7f) { // control, escape, or non-ASCII (negative)
        throw GIVE_UP;
      }
      h = 31 * h + c;
      int n = i - pos;
      if (n < 8) {
        w0 |= (long) c << (8 * n); // c is ASCII here: no sign to mask
      } else if (n < 16) {
        w1 |= (long) c << (8 * (n - 8));
      }
    }
    throw GIVE_UP;
  }

  private String string(Interner table) {
    int start = pos + 1;
    int close = stringEnd();
    pos = close + 1;
    Object s = table.find(b, start, close, hash, head0, head1);
    if (s == null) {
      s = new String(b, start, close - start, StandardCharsets.ISO_8859_1);
      table.put(b, start, close, s);
    }
    return (String) s;
  }

  /** After a number or literal: the next byte must end it. */
  private void delimiter() {
    if (pos < end) {
      byte c = b[pos];
      if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t' && c != '\r') {
        throw GIVE_UP;
      }
    }
  }

  private void literal(String word) {
    int n = word.length();
    if (end - pos < n) {
      throw GIVE_UP;
    }
    for (int k = 0; k < n; k++) {
      if (b[pos + k] != word.charAt(k)) {
        throw GIVE_UP;
      }
    }
    pos += n;
    delimiter();
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Reads a number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, at most 18 digits before the point.
   */
  private Num number() {
    int start = pos;
    if (b[pos] == '-') {
      pos++;
    }
    byte c = at();
    long whole = 0;
    if (c == '0') {
      pos++;
    } else if (c >= '1' && c <= '9') {
      int first = pos;
      while (pos < end && digit(b[pos])) {
        whole = whole * 10 + (b[pos] - '0');
        pos++;
        if (pos - first > 18) {
          throw GIVE_UP;
        }
      }
    } else {
      throw GIVE_UP;
    }
    boolean integral = true;
    if (pos < end && b[pos] == '.') {
      pos++;
      int first = pos;
      while (pos < end && digit(b[pos])) {
        pos++;
      }
      if (pos == first) {
        throw GIVE_UP;
      }
      integral = false;
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      throw GIVE_UP;
    }
    delimiter(); // an exponent, a second point, a letter: Jackson's business
    boolean intern = pos - start <= MAX_INTERNED_NUMBER;
    if (intern) {
      Object known = numbers.find(b, start, pos);
      if (known != null) {
        return (Num) known;
      }
    }
    String text = new String(b, start, pos - start, StandardCharsets.ISO_8859_1);
    double value;
    if (integral) {
      value = (double) (b[start] == '-' ? -whole : whole); // as Jackson: the long, as a double
    } else {
      value = Double.parseDouble(text);
    }
    Num n = new Num(text, value, integral);
    if (intern) {
      numbers.put(b, start, pos, n);
    }
    return n;
  }

  // ---- values, as RawEvent reads them with Jackson

  /** As {@code RawEvent.scalar}: a String, Num, Boolean, null, or NESTED after skipping. */
  private Object scalar() {
    byte c = at();
    switch (c) {
      case '"':
        return string(strings);
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      case '{':
      case '[':
        skip(1);
        return RawEvent.NESTED;
      default:
        if (c == '-' || digit(c)) {
          return number();
        }
        throw GIVE_UP;
    }
  }

  /** Segment's timestamp: parsed from the bytes when it has the common shape. */
  private Object timestamp(RawEvent e) {
    if (at() != '"') {
      return scalar();
    }
    int start = pos + 1;
    int close = stringEnd();
    pos = close + 1;
    long seconds = IsoInstant.epochSecond(b, start, close);
    if (seconds != IsoInstant.NONE) {
      e.timestampSecond = seconds;
      e.timestampNano = IsoInstant.nano(b, start, close);
      return RawEvent.PARSED_TIMESTAMP;
    }
    return new String(b, start, close - start, StandardCharsets.ISO_8859_1);
  }

  /** Skips any value, checking its syntax; {@code depth} is the nesting of the value. */
  private void skip(int depth) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    byte c = at();
    switch (c) {
      case '"' -> pos = stringEnd() + 1;
      case '{' -> {
        pos++;
        if (firstMember()) {
          do {
            pos = stringEnd() + 1;
            ws();
            expect(':');
            ws();
            skip(depth + 1);
          } while (nextMember());
        }
      }
      case '[' -> {
        pos++;
        if (firstElement()) {
          do {
            skip(depth + 1);
          } while (nextElement());
        }
      }
      default -> scalarWithoutInterning(c);
    }
  }

  private void scalarWithoutInterning(byte c) {
    switch (c) {
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c != '-' && !digit(c)) {
          throw GIVE_UP;
        }
        // The same grammar as number(), without making a value.
        int start = pos;
        if (b[pos] == '-') {
          pos++;
        }
        byte d = at();
        if (d == '0') {
          pos++;
        } else if (d >= '1' && d <= '9') {
          while (pos < end && digit(b[pos])) {
            pos++;
          }
        } else {
          throw GIVE_UP;
        }
        if (pos < end && b[pos] == '.') {
          pos++;
          int first = pos;
          while (pos < end && digit(b[pos])) {
            pos++;
          }
          if (pos == first) {
            throw GIVE_UP;
          }
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
          throw GIVE_UP;
        }
        delimiter();
      }
    }
  }

  /**
   * As {@code RawEvent.object}: null for JSON null; anything but an object gives up, and so does
   * nesting deeper than {@value #MAX_DEPTH} ({@code depth} is the nesting of the value, counted as
   * in {@link #skip(int)}), so Jackson's path words the problem.
   */
  private Fields object(Fields parent, String field, int index, int depth) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    byte c = at();
    if (c == 'n') {
      literal("null");
      return null;
    }
    if (c != '{') {
      throw GIVE_UP; // the reader rejects it: Jackson's path words the problem
    }
    pos++;
    Fields f = e.pooledFields(parent, field, index);
    if (firstMember()) {
      do {
        Name n = name();
        String name = n.text;
        byte v = at();
        int kind = n.inObject;
        if (kind == PLAIN) {
          if (n.skipped) {
            skip(depth + 1); // never read: an id, a name, money or free text
          } else {
            f.add(name, scalar(), n.reserved);
          }
        } else if (kind == PRODUCTS && !isNull()) {
          f.products = objectArray(f, name, depth + 1);
          f.productsName = name;
        } else if (kind == ITEM_PARAMS && v == '[') {
          keyValueArray(f);
        } else if (kind == FILTERS && v == '[') {
          filters(f);
        } else if (n.skipped) {
          skip(depth + 1); // never read: an id, a name, money or free text
        } else {
          f.add(name, scalar(), n.reserved);
        }
      } while (nextMember());
    }
    return f;
  }

  /** Whether the value here is JSON null (checked fully: "nul" is not null). */
  private boolean isNull() {
    if (at() != 'n') {
      return false;
    }
    int save = pos;
    literal("null");
    pos = save;
    return true;
  }

  /** As {@code RawEvent.objectArray}: null for JSON null; anything but objects gives up. */
  private List<Fields> objectArray(Fields parent, String field, int depth) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    byte c = at();
    if (c == 'n') {
      literal("null");
      return null;
    }
    if (c != '[') {
      throw GIVE_UP;
    }
    pos++;
    List<Fields> list = e.pooledList();
    if (firstElement()) {
      do {
        list.add(object(parent, field, list.size(), depth + 1));
        if (list.get(list.size() - 1) == null) {
          throw GIVE_UP; // a null element: the reader rejects it
        }
      } while (nextElement());
    }
    return list;
  }

  /** As {@code RawEvent.keyValueArray}, from the '['. */
  private Fields keyValueArray(Fields into) {
    expect('[');
    if (firstElement()) {
      do {
        expect('{');
        String key = null;
        Object value = null;
        if (firstMember()) {
          do {
            String name = name().text;
            if (name.equals("key")) {
              Object k = scalar();
              if (!(k instanceof String s)) {
                throw GIVE_UP;
              }
              key = s;
            } else if (name.equals("value") && at() == '{') {
              pos++;
              if (firstMember()) {
                do {
                  String vn = name().text;
                  Object x = scalar();
                  if (x != null && vn.endsWith("_value")) {
                    value = x;
                  }
                } while (nextMember());
              }
            } else {
              skip(4);
            }
          } while (nextMember());
        }
        if (key == null) {
          throw GIVE_UP;
        }
        into.add(key, value);
      } while (nextElement());
    }
    return into;
  }

  /** As {@code RawEvent.filters}, from the '['. */
  private void filters(Fields into) {
    expect('[');
    if (firstElement()) {
      do {
        expect('{');
        Object type = null;
        Object value = null;
        if (firstMember()) {
          do {
            String name = name().text;
            if (name.equals("type")) {
              type = scalar();
            } else if (name.equals("value")) {
              value = scalar();
            } else {
              skip(4);
            }
          } while (nextMember());
        }
        if (type instanceof String s && value != null) {
          into.add(s, value);
        }
      } while (nextElement());
    }
  }
}
