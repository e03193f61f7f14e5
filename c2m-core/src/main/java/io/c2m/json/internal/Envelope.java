package io.c2m.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.c2m.json.EventProblem.Kind;
import io.c2m.json.internal.RawEvent.Fields;
import io.c2m.json.internal.RawEvent.LineProblem;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The first pass over an envelope line: a GA4 Measurement Protocol body
 * ({@code {"client_id": ..., "events": [...]}}) or a Segment batch ({@code {"batch": [...]}}).
 * It checks the whole line's syntax, reads the body-level fields that every element inherits and
 * notes where each element lies, without interpreting the elements; {@link ReadRun} then reads
 * each element as a record of its own (a Segment message exactly as a line, on the fast path
 * for bytes; a GA4 event with {@link RawEvent#parseGa4Event}) and sets what it inherits with
 * {@link #inherit}. So one bad element is one rejected record and the others are kept, and an
 * element reads the same alone (as a line) as inside a batch.
 *
 * <p>Body-level fields read (all others, such as GA4's {@code user_data},
 * {@code user_properties}, {@code device}, {@code ip_override} or Segment's
 * {@code integrations}, are skipped without being decoded):
 * <ul>
 *   <li>GA4: {@code user_id}, {@code client_id} (else {@code app_instance_id}),
 *       {@code timestamp_micros} (an event's own one wins), {@code consent}
 *       ({@code ad_user_data}, {@code ad_personalization}) and the older
 *       {@code non_personalized_ads: true}, read as {@code ad_personalization} denied;
 *   <li>Segment: {@code context.consent.categoryPreferences}, for the messages that state no
 *       consent of their own.
 * </ul>
 *
 * <p>Package-private, owned by one read, reused from line to line. Spans are offsets from the
 * line's start in the buffer's unit (bytes or chars).
 */
final class Envelope {
  /** The array of a GA4 Measurement Protocol body. */
  static final String GA4 = "events";
  /** The array of a Segment batch. */
  static final String SEGMENT = "batch";

  /** {@link #GA4} or {@link #SEGMENT}: which envelope the last line was. */
  String array;
  private int count;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  /** For an element that is not an object: what it is ("a string"); else null. */
  private String[] notObjects = new String[16];
  private final Set<String> names = new HashSet<>();
  private Object userId;
  private Object clientId;
  private Object appInstanceId;
  private Object timestampMicros;
  private Object nonPersonalizedAds;
  private Fields consent;
  private Fields segmentConsent;

  private void reset() {
    array = null;
    count = 0;
    names.clear();
    userId = null;
    clientId = null;
    appInstanceId = null;
    timestampMicros = null;
    nonPersonalizedAds = null;
    consent = null;
    segmentConsent = null;
  }

  /**
   * Reads an envelope line.
   *
   * @param p a parser over exactly the line
   * @param buf the buffer the parser reads, for offsets
   * @throws LineProblem if the line as a whole is not a readable envelope
   * @throws IOException on malformed JSON (a {@link com.fasterxml.jackson.core.JacksonException})
   */
  void parse(JsonParser p, LineBuffer buf) throws IOException {
    reset();
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw new LineProblem(Kind.MALFORMED_JSON, "The line must be one JSON object, but it starts"
          + " with " + RawEvent.describe(t) + ".");
    }
    String name;
    while ((name = p.nextFieldName()) != null) {
      if (!names.add(name)) {
        throw RawEvent.duplicate(name);
      }
      JsonToken v = p.nextToken();
      switch (name) {
        case GA4, SEGMENT -> elements(p, v, buf, name);
        case "user_id" -> userId = RawEvent.scalar(p, v);
        case "client_id" -> clientId = RawEvent.scalar(p, v);
        case "app_instance_id" -> appInstanceId = RawEvent.scalar(p, v);
        case "timestamp_micros" -> timestampMicros = RawEvent.scalar(p, v);
        case "non_personalized_ads" -> nonPersonalizedAds = RawEvent.scalar(p, v);
        case "consent" -> {
          if (v == JsonToken.START_OBJECT) {
            consent = RawEvent.object(p, v, "consent");
          } else {
            p.skipChildren(); // a consent that is not an object states nothing
          }
        }
        case "context" -> segmentConsent = RawEvent.segmentContextConsent(p, v);
        default -> p.skipChildren();
      }
    }
    JsonToken after = p.nextToken();
    if (after != null) {
      throw new LineProblem(Kind.MALFORMED_JSON, "The line must hold one JSON object, but "
          + RawEvent.describe(after) + " follows the object.");
    }
    if (count == 0) {
      throw new LineProblem(Kind.MISSING_FIELD, "The " + what() + " has an empty " + array
          + " array: it must hold at least one " + (array.equals(GA4) ? "event." : "message."));
    }
    if (Boolean.TRUE.equals(nonPersonalizedAds)) {
      // The older GA4 flag: these events must not be used for personalised advertising.
      Fields c = new Fields("consent");
      if (consent != null) {
        for (int i = 0; i < consent.names.size(); i++) {
          c.add(consent.names.get(i), consent.values.get(i), false);
        }
      }
      c.add("ad_personalization", "DENIED", false);
      consent = c;
    }
  }

  private String what() {
    return array.equals(GA4) ? "GA4 Measurement Protocol body" : "Segment batch";
  }

  private void elements(JsonParser p, JsonToken v, LineBuffer buf, String name)
      throws IOException {
    if (array != null) {
      throw new LineProblem(Kind.MALFORMED_JSON, "The line has both an events array (a GA4 body)"
          + " and a batch array (a Segment batch); an envelope is one or the other.");
    }
    array = name;
    if (v != JsonToken.START_ARRAY) {
      p.skipChildren();
      throw new LineProblem(Kind.WRONG_TYPE, "The field " + name + " of the " + what()
          + " must be an array of objects, not " + RawEvent.describe(v) + ".");
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, 2 * count);
        ends = Arrays.copyOf(ends, 2 * count);
        notObjects = Arrays.copyOf(notObjects, 2 * count);
      }
      if (t == JsonToken.START_OBJECT) {
        starts[count] = (int) buf.offset(p.currentTokenLocation());
        p.skipChildren();
        ends[count] = (int) buf.offset(p.currentLocation());
        notObjects[count] = null;
      } else {
        notObjects[count] = RawEvent.describe(t);
        p.skipChildren();
      }
      count++;
    }
  }

  /** The number of elements of the last line. */
  int count() {
    return count;
  }

  /** Where element {@code i} starts, from the line's start. */
  int start(int i) {
    return starts[i];
  }

  /** Where element {@code i} ends (exclusive), from the line's start. */
  int end(int i) {
    return ends[i];
  }

  /**
   * The problem of element {@code i} if it is not an object, else null.
   *
   * @return the problem or null
   */
  LineProblem notAnObject(int i) {
    String got = notObjects[i];
    return got == null ? null : new LineProblem(Kind.WRONG_TYPE, "The element " + array + "[" + i
        + "] must be an object, not " + got + ".");
  }

  /**
   * Sets in an element what it inherits from the body: for GA4, the user ids, the body's
   * timestamp if the event has none, and the body's consent; for Segment, the batch's consent if
   * the message states none.
   *
   * @param e the element, as read
   */
  void inherit(RawEvent e) {
    if (array.equals(GA4)) {
      e.gaUserId = userId;
      e.gaPseudoId = clientId != null ? clientId : appInstanceId;
      if (e.eventTimestamp == null) {
        e.eventTimestamp = timestampMicros;
      }
      e.consent = consent;
      e.ga4Consent = true;
    } else if (e.consent == null && segmentConsent != null) {
      e.consent = segmentConsent;
      e.ga4Consent = false;
    }
  }
}
