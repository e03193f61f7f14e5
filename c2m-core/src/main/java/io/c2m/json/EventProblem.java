package io.c2m.json;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;

/**
 * One record of an event input that was rejected, with its place and the reason. A record is a
 * line of JSON lines, or one element of an envelope: an event of a GA4 Measurement Protocol
 * body's {@code events[]}, a message of a Segment {@code batch[]} (see {@link EventReader}). The
 * reason names the field and the rule; it never quotes user ids or product fields of the record.
 *
 * @param line the 1-based line number (1 for a document read by
 *     {@link EventReader#readMessage(String)})
 * @param index the 0-based index of the rejected element in its line's envelope array
 *     ({@code events[]} or {@code batch[]}), or {@link #WHOLE_LINE} when the problem is the
 *     line's own: a line that is one event, or an envelope that could not be read at all
 * @param kind the kind of problem
 * @param reason a readable explanation naming the field and the rule
 */
public record EventProblem(long line, int index, Kind kind, String reason) {
  /** The {@link #index()} of a problem that is the whole line's, not one element's. */
  public static final int WHOLE_LINE = -1;

  /** The kinds of problem a line can have. */
  public enum Kind {
    /** The line is not well-formed JSON, or not a single JSON object. */
    MALFORMED_JSON,
    /** The event name (or Segment call type) is not one the reader knows. */
    UNKNOWN_EVENT,
    /** A required field is absent, null or empty. */
    MISSING_FIELD,
    /** A field has the wrong JSON type, e.g. a price given as text. */
    WRONG_TYPE,
    /** A number is out of its range: infinite (such as {@code 1e400}), negative, too large. */
    OUT_OF_RANGE,
    /** A timestamp is not ISO-8601 text (Segment) or whole microseconds (GA4). */
    BAD_TIMESTAMP,
    /** A value breaks a rule of the domain model, e.g. an attribute key given twice. */
    BAD_VALUE,
    /** The line (or a document read whole) is longer than the reader's limit; not parsed. */
    LINE_TOO_LONG,
    /** The id mapping refused the line's user id. */
    ID_REJECTED,
    /**
     * The event's instant lies outside the reader's window around its clock (or outside years
     * 0000 to 9999): far in the past or in the future.
     */
    OUT_OF_WINDOW
  }

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the line is not positive, the index below
   *     {@link #WHOLE_LINE} or the reason blank
   */
  public EventProblem {
    if (line <= 0) {
      throw new IllegalArgumentException("The line (" + line + ") must be positive.");
    }
    if (index < WHOLE_LINE) {
      throw new IllegalArgumentException("The index (" + index + ") must be at least 0, or "
          + WHOLE_LINE + " for a problem of the whole line.");
    }
    requireNonNull(kind, "kind");
    Checks.requireNonBlank(reason, "reason");
  }

  /**
   * A problem of a whole line (a line that is one event, or an envelope not read at all).
   *
   * @param line the 1-based line number
   * @param kind the kind of problem
   * @param reason a readable explanation naming the field and the rule
   */
  public EventProblem(long line, Kind kind, String reason) {
    this(line, WHOLE_LINE, kind, reason);
  }

  /**
   * Tells where the record is: {@code "line 3"}, or {@code "line 3, element 2"} for an element
   * of an envelope.
   *
   * @return the place, for messages
   */
  public String place() {
    return index == WHOLE_LINE ? "line " + line : "line " + line + ", element " + index;
  }

  @Override
  public String toString() {
    return place() + ": " + reason;
  }
}
