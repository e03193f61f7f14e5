package io.c2m.json.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import io.c2m.json.EventProblem;
import io.c2m.json.EventProblem.Kind;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.json.internal.LineBuffer.ByteLines;
import io.c2m.json.internal.LineBuffer.CharLines;
import io.c2m.json.internal.RawEvent.EnvelopeFound;
import io.c2m.json.internal.RawEvent.LineProblem;
import io.c2m.signal.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The state of one read of an {@link EventReader}: the line splitter, the handling of each record
 * (a line, or an element of an envelope line, see {@link Envelope}), the counts and the problems.
 * Single-threaded: one per read call (or per part of a parallel read). Public only for
 * {@link EventReader}, which starts the reads; not API.
 */
public final class ReadRun {
  private static final int INITIAL_BUFFER = 1 << 16;

  private final ReadSettings settings;
  private final EventMapping mapping;
  private final int maxLineLength;
  private final Consumer<? super Signal> sink;
  private final Consumer<? super EventProblem> problemSink;
  private final RawEvent raw = new RawEvent();
  private final FastLineParser fast;
  /** The envelope of the line being read, made at the first envelope line. */
  private Envelope envelope;
  private final SignalBuffer scratch = new SignalBuffer();
  /**
   * Feeds the sink's store with the signals' parts, no records, when the sink is a
   * {@link io.c2m.json.ProfileSink}; null otherwise.
   */
  private final ProfileFeed profileFeed;
  private final EventMapping.Caches caches = new EventMapping.Caches();
  private final List<EventProblem> problems = new ArrayList<>();
  private long line;
  /** The index of the envelope element being read, or {@link EventProblem#WHOLE_LINE}. */
  private int index = EventProblem.WHOLE_LINE;
  /** The receive time of a message, for events without a time; null in a file read. */
  private RawEvent.Num receivedMicros;
  private String receivedText;
  /** False for a partition that starts inside a file: no byte order mark there. */
  boolean atFileStart = true;
  private long accepted;
  private long skipped;
  private long rejected;
  private long signals;

  /**
   * Starts a read.
   *
   * @param settings the reader's settings
   * @param sink receives the signals
   * @param profileFeed the feed of {@code sink}'s store when {@code sink} is a
   *     {@link io.c2m.json.ProfileSink} (then its signals go to the feed, by parts), else null
   * @param problemSink receives every problem
   */
  public ReadRun(ReadSettings settings, Consumer<? super Signal> sink, ProfileFeed profileFeed,
      Consumer<? super EventProblem> problemSink) {
    this(settings, sink, profileFeed, problemSink, settings.fastPath);
  }

  /** A run that tries the fast path on bytes if {@code fastPath}. */
  private ReadRun(ReadSettings settings, Consumer<? super Signal> sink, ProfileFeed profileFeed,
      Consumer<? super EventProblem> problemSink, boolean fastPath) {
    this.settings = settings;
    this.mapping = settings.mapping;
    this.maxLineLength = settings.maxLineLength;
    this.fast = fastPath ? new FastLineParser() : null;
    this.sink = requireNonNull(sink, "signals");
    this.profileFeed = profileFeed;
    this.problemSink = requireNonNull(problemSink, "problems");
  }

  /**
   * Reads one JSON document received on its own ({@link EventReader#readMessage(byte[], Instant)}),
   * without the fast path: a single document repeats no names or values that interning would
   * save.
   *
   * @param settings the reader's settings
   * @param json the UTF-8 bytes of the document
   * @param receivedAt the receive time for events without a time of their own, or null
   * @param sink receives the signals
   * @return the report
   */
  public static EventReport message(ReadSettings settings, byte[] json, Instant receivedAt,
      Consumer<? super Signal> sink) {
    return message(settings, new ByteLines(json), json.length, receivedAt, sink);
  }

  /**
   * Reads one JSON document received on its own, as {@link #message(ReadSettings, byte[],
   * Instant, Consumer)} does; the length limit counts chars.
   *
   * @param settings the reader's settings
   * @param json the chars of the document
   * @param receivedAt the receive time for events without a time of their own, or null
   * @param sink receives the signals
   * @return the report
   */
  public static EventReport message(ReadSettings settings, char[] json, Instant receivedAt,
      Consumer<? super Signal> sink) {
    return message(settings, new CharLines(json), json.length, receivedAt, sink);
  }

  private static EventReport message(ReadSettings settings, LineBuffer buf, int length,
      Instant receivedAt, Consumer<? super Signal> sink) {
    ReadRun run = new ReadRun(settings, sink, null, p -> { }, false);
    run.receivedAt(receivedAt);
    run.document(buf, length);
    return run.report();
  }

  /**
   * Returns the number of lines read so far (the last line's number).
   *
   * @return the lines read
   */
  public long line() {
    return line;
  }

  /**
   * Sets the instant a message was received, which a per-message read gives to an event that has
   * no time of its own (as GA4 and Segment do with the request time); null in a file read.
   */
  private void receivedAt(Instant at) {
    if (at != null) {
      long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L),
          at.getNano() / 1_000);
      receivedMicros = new RawEvent.Num(Long.toString(micros), micros, true);
      receivedText = at.toString();
    }
  }

  /** Gives an event without a time the receive time, if there is one. */
  private void receivedAt() {
    if (receivedMicros == null) {
      return;
    }
    if (raw.eventName != null || raw.mpEvent) {
      if (raw.eventTimestamp == null) {
        raw.eventTimestamp = receivedMicros;
      }
    } else if (raw.timestamp == null) {
      raw.timestamp = receivedText;
    }
  }

  /**
   * Returns the report of what was read so far.
   *
   * @return the report
   */
  public EventReport report() {
    return new EventReport(accepted + skipped + rejected, accepted, skipped, rejected, signals,
        problems);
  }

  /**
   * Reads UTF-8 bytes to their end.
   *
   * @param in the input; not closed
   * @throws IOException if reading fails
   */
  public void bytes(InputStream in) throws IOException {
    split(new ByteLines(in, initialBuffer()));
  }

  /**
   * Reads characters to their end.
   *
   * @param in the input; not closed
   * @throws IOException if reading fails
   */
  public void chars(Reader in) throws IOException {
    split(new CharLines(in, initialBuffer()));
  }

  private int initialBuffer() {
    return (int) Math.min(INITIAL_BUFFER, maxLineLength + 2L);
  }

  /**
   * Reads one whole document (a per-message read): the same record handling as a line, but the
   * document may span lines (JSON whitespace), and an empty one is rejected rather than skipped,
   * since a message with no event is a sender's mistake.
   */
  private void document(LineBuffer buf, int length) {
    line = 1;
    int from = buf.byteOrderMark(0, length);
    if (length - from > maxLineLength) {
      reject(Kind.LINE_TOO_LONG, "The document is longer than the limit of " + maxLineLength
          + " and was not read.");
      return;
    }
    if (buf.isBlank(from, length)) {
      reject(Kind.MALFORMED_JSON, "The document is empty: it must be one JSON object (an event,"
          + " a GA4 Measurement Protocol body or a Segment batch).");
      return;
    }
    try {
      record(buf, from, length);
    } catch (IOException e) {
      reject(Kind.MALFORMED_JSON, "The document is not well-formed JSON.");
    }
  }

  /**
   * Splits the input into lines and handles each. The buffer grows (doubling) up to
   * {@code maxLineLength + 2} (a line, a '\r' and the '\n'); a longer line is counted and
   * skipped to its newline without being held. Sizes are computed in {@code long}:
   * {@code maxLineLength} is at most {@link EventReader#MAX_LINE_LENGTH_LIMIT}, so the buffer
   * stays below the array limit.
   */
  private void split(LineBuffer buf) throws IOException {
    long longest = maxLineLength + 2L;
    int start = 0;
    int end = 0;
    int scan = 0;
    boolean tooLong = false;
    while (true) {
      int nl = buf.newline(scan, end);
      if (nl >= 0) {
        line++;
        if (tooLong) {
          tooLong();
          tooLong = false;
        } else {
          line(buf, start, nl);
        }
        start = nl + 1;
        scan = start;
        continue;
      }
      if (tooLong) {
        start = 0;
        end = 0;
      } else if (end - start > maxLineLength + 1L) { // + 1 for a '\r'
        tooLong = true;
        start = 0;
        end = 0;
      } else {
        if (start > 0) {
          buf.shift(start, end);
          end -= start;
          start = 0;
        }
        if (end == buf.capacity()) {
          buf.grow((int) Math.min(2L * buf.capacity(), longest));
        }
      }
      scan = end;
      int n = buf.read(end, buf.capacity() - end);
      if (n < 0) {
        if (tooLong) {
          line++;
          tooLong();
        } else if (end > start) {
          line++;
          line(buf, start, end);
        }
        return;
      }
      end += n;
    }
  }

  private void tooLong() {
    reject(Kind.LINE_TOO_LONG,
        "The line is longer than the limit of " + maxLineLength + " and was not read.");
  }

  /** Handles {@code [from, to)} of the buffer, without the newline. */
  private void line(LineBuffer buf, int from, int to) throws IOException {
    if (line == 1 && atFileStart) {
      from += buf.byteOrderMark(from, to);
    }
    if (to > from && buf.isCarriageReturn(to - 1)) {
      to--;
    }
    if (to - from > maxLineLength) {
      tooLong();
      return;
    }
    if (buf.isBlank(from, to)) {
      skipped++;
      return;
    }
    record(buf, from, to);
  }

  /**
   * Reads one record that is not blank: a line or a whole document, which may be an envelope.
   * Bytes go to the fast path first; every other record, and every record the fast path gives up
   * on, to Jackson, which also finds envelopes ({@link EnvelopeFound}).
   */
  private void record(LineBuffer buf, int from, int to) throws IOException {
    if (buf instanceof ByteLines bytes) {
      if (fast != null && fast.parse(bytes.buf, from, to, raw)) {
        mapped();
        return;
      }
      int bad = RawEvent.malformedUtf8(bytes.buf, from, to);
      if (bad >= 0) {
        reject(Kind.MALFORMED_JSON, "The line is not well-formed UTF-8 at byte " + (bad - from + 1)
            + " (an overlong form, an encoded surrogate or a truncated sequence).");
        return;
      }
    }
    scratch.clear();
    try (JsonParser p = buf.parser(settings.factory, from, to)) {
      raw.parse(p);
      receivedAt();
      mapping.map(raw, scratch, caches);
    } catch (EnvelopeFound e) {
      envelope(buf, from, to);
      return;
    } catch (LineProblem | IllegalArgumentException | IOException e) {
      // Parsing an in-memory array does no I/O; anything else is a syntax problem.
      reject(e, "The line is not well-formed JSON.");
      return;
    }
    handOn();
  }

  /** Maps and hands on a line that {@link FastLineParser} read into {@link #raw}. */
  private void mapped() {
    scratch.clear();
    try {
      receivedAt();
      mapping.map(raw, scratch, caches);
    } catch (LineProblem | IllegalArgumentException e) {
      reject(e, "The line is not well-formed JSON.");
      return;
    }
    handOn();
  }

  /**
   * Reads an envelope line: its syntax and body fields first ({@link Envelope#parse}; a problem
   * there rejects the line as one record), then each element as a record of its own, so that a
   * bad element is rejected with its index and the others are kept.
   */
  private void envelope(LineBuffer buf, int from, int to) {
    if (envelope == null) {
      envelope = new Envelope();
    }
    Envelope env = envelope;
    try (JsonParser p = buf.parser(settings.factory, from, to)) {
      env.parse(p, buf);
    } catch (LineProblem | IOException e) {
      reject(e, "The line is not well-formed JSON.");
      return;
    }
    try {
      for (int i = 0, n = env.count(); i < n; i++) {
        index = i;
        element(buf, env, i, from);
      }
    } finally {
      index = EventProblem.WHOLE_LINE;
    }
  }

  /** Reads element {@code i} of the envelope of the line that starts at {@code lineFrom}. */
  private void element(LineBuffer buf, Envelope env, int i, int lineFrom) {
    LineProblem notObject = env.notAnObject(i);
    if (notObject != null) {
      reject(notObject.kind, notObject.getMessage());
      return;
    }
    int from = lineFrom + env.start(i);
    int to = lineFrom + env.end(i);
    scratch.clear();
    try {
      if (env.array.equals(Envelope.GA4)) {
        try (JsonParser p = buf.parser(settings.factory, from, to)) {
          raw.parseGa4Event(p);
        }
      } else if (!(fast != null && buf instanceof ByteLines bytes
          && fast.parse(bytes.buf, from, to, raw))) {
        try (JsonParser p = buf.parser(settings.factory, from, to)) {
          raw.parse(p);
        }
      }
      env.inherit(raw);
      receivedAt();
      mapping.map(raw, scratch, caches);
    } catch (EnvelopeFound e) {
      reject(Kind.MALFORMED_JSON, "The element " + env.array + "[" + i + "] is itself an"
          + " envelope (it has an events or a batch field): envelopes do not nest.");
      return;
    } catch (LineProblem | IllegalArgumentException | IOException e) {
      reject(e, "The element is not well-formed JSON.");
      return;
    }
    handOn();
  }

  /**
   * Rejects the current record for what parsing or mapping it threw: a {@link LineProblem} with
   * its own kind, Jackson's syntax errors as malformed JSON, other argument errors as a bad value,
   * any other I/O error (none from an in-memory parse) with {@code notWellFormed}.
   */
  private void reject(Exception e, String notWellFormed) {
    if (e instanceof LineProblem p) {
      reject(p.kind, p.getMessage());
    } else if (e instanceof JacksonException j) {
      reject(Kind.MALFORMED_JSON, malformed(j));
    } else if (e instanceof IllegalArgumentException) {
      reject(Kind.BAD_VALUE, e.getMessage());
    } else {
      reject(Kind.MALFORMED_JSON, notWellFormed);
    }
  }

  /** Hands the line's signals in {@link #scratch} to the sink and counts the line. */
  private void handOn() {
    int n = scratch.size();
    if (n == 0) {
      skipped++;
      return;
    }
    // A receiver that refuses a signal with an IllegalArgumentException (a profile store, for
    // an instant too far from its epoch) rejects its line, with the line's number, and the read
    // goes on. Signals of the line handed over before the refusal stay handed over.
    for (int i = 0; i < n; i++) {
      try {
        if (profileFeed != null) {
          profileFeed.accept(scratch, i);
        } else {
          sink.accept(scratch.signal(i));
        }
      } catch (IllegalArgumentException | ArithmeticException e) {
        // ArithmeticException: an instant or sum a receiver cannot represent ("long overflow").
        reject(Kind.BAD_VALUE, SafeMessages.rule(e.getMessage()));
        return;
      }
      signals++;
    }
    accepted++;
  }

  private void reject(Kind kind, String reason) {
    rejected++;
    EventProblem problem = new EventProblem(line, index, kind, reason);
    if (problems.size() < settings.maxProblemsKept) {
      problems.add(problem);
    }
    problemSink.accept(problem);
  }

  private static String malformed(JacksonException e) {
    // Jackson's message may repeat the line's content, which may be personal data.
    String msg = SafeMessages.rule(e.getOriginalMessage());
    String where = e.getLocation() != null && e.getLocation().getColumnNr() > 0
        ? " at column " + e.getLocation().getColumnNr() : "";
    return "The line is not well-formed JSON" + where + ": " + msg;
  }
}
