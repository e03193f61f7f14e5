package io.c2m.json;

import static java.util.Objects.requireNonNull;

import io.c2m.internal.Checks;

/**
 * One line of an event file that was rejected, with its line number and the reason. The reason
 * names the field and the rule; it never quotes user ids or product fields of the line.
 *
 * @param line the 1-based line number
 * @param kind the kind of problem
 * @param reason a readable explanation naming the field and the rule
 */
public record EventProblem(long line, Kind kind, String reason) {
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
    /** The line is longer than the reader's limit; it was not parsed. */
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
   * @throws IllegalArgumentException if the line is not positive or the reason blank
   */
  public EventProblem {
    if (line <= 0) {
      throw new IllegalArgumentException("The line (" + line + ") must be positive.");
    }
    requireNonNull(kind, "kind");
    Checks.requireNonBlank(reason, "reason");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
