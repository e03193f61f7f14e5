package io.c2m.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import io.c2m.json.EventProblem.Kind;
import io.c2m.json.RawEvent.LineProblem;
import io.c2m.privacy.ConsentMapping;
import io.c2m.privacy.Pseudonymizer;
import io.c2m.signal.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads behavioural events as JSON lines, one event per line, in the conventions marketplaces
 * already emit, and turns them into {@link Signal}s.
 *
 * <h2>Formats</h2>
 * A line is read as <b>GA4</b> if it has an {@code event_name} field, otherwise as <b>Segment</b>
 * (e-commerce spec v2).
 * <ul>
 *   <li>Segment: {@code "type": "track"} (may be absent), {@code event}, {@code userId} or else
 *       {@code anonymousId}, {@code timestamp} as ISO-8601 text (with {@code Z} or an offset),
 *       {@code properties}. Product events carry the product in {@code properties}; order events
 *       carry {@code properties.products[]}.
 *   <li>GA4 (BigQuery export or Measurement Protocol style): {@code event_name},
 *       {@code user_id} or else {@code user_pseudo_id}, {@code event_timestamp} in microseconds
 *       since the epoch (a number or a string of digits), {@code event_params} (the export's
 *       {@code [{"key": k, "value": {"string_value": v}}]} form, or an object) or {@code params}
 *       (an object), and {@code items[]} at the top level or inside the params. An item's custom
 *       parameters may be plain fields of the item or the export's {@code item_params} array.
 * </ul>
 *
 * <h2>Event table</h2>
 * <table>
 *   <caption>Events and the signals they give</caption>
 *   <tr><th>Segment event</th><th>GA4 event</th><th>signal type</th><th>signals</th>
 *       <th>value</th></tr>
 *   <tr><td>Product Viewed</td><td>view_item</td><td>VIEW</td><td>1 / one per item</td>
 *       <td>price</td></tr>
 *   <tr><td>Products Searched, Product List Filtered</td><td>search</td><td>SEARCH</td>
 *       <td>1</td><td>none</td></tr>
 *   <tr><td>Product Added</td><td>add_to_cart</td><td>CART_ADD</td><td>1 / one per item</td>
 *       <td>price</td></tr>
 *   <tr><td>Product Removed</td><td>remove_from_cart</td><td>CART_REMOVE</td>
 *       <td>1 / one per item</td><td>price</td></tr>
 *   <tr><td>Product Added to Wishlist</td><td>add_to_wishlist</td><td>WISHLIST</td>
 *       <td>1 / one per item</td><td>price</td></tr>
 *   <tr><td>Product Shared</td><td>share</td><td>SHARE</td>
 *       <td>1 / one per item, or 1 from the params</td><td>price</td></tr>
 *   <tr><td>Product Reviewed</td><td>-</td><td>REVIEW</td><td>1</td><td>rating</td></tr>
 *   <tr><td>Order Completed</td><td>purchase</td><td>PURCHASE</td><td>one per product</td>
 *       <td>price</td></tr>
 *   <tr><td>Order Refunded</td><td>refund</td><td>RETURN</td><td>one per product</td>
 *       <td>price</td></tr>
 * </table>
 * Event names are matched exactly, then ignoring case. Order Completed, purchase and the GA4
 * item events need at least one product; a refund without products (a whole-order refund that
 * does not say which items) is skipped.
 *
 * <p><b>Skipped</b> deliberately (counted, not reported as problems): blank lines, Segment
 * {@code identify}, {@code page}, {@code screen}, {@code group} and {@code alias} calls, and the
 * e-commerce events that say nothing about a product preference (Segment: Product List Viewed,
 * Product Clicked, Promotion Viewed/Clicked, Cart Viewed, Checkout Started, Checkout Step
 * Viewed/Completed, Payment Info Entered, Order Updated, Order Cancelled, Coupon *, Product
 * Removed from Wishlist, Wishlist Product Added to Cart, Cart Shared; GA4: page_view,
 * session_start, first_visit, user_engagement, scroll, view_item_list, select_item, view_cart,
 * begin_checkout, add_shipping_info, add_payment_info, view/select_promotion, login, sign_up and
 * other automatically collected events). Any other event name is <b>rejected</b> as unknown.
 *
 * <h2>Attributes</h2>
 * A product's fields become the signal's item {@link io.c2m.Attributes}: {@code category},
 * {@code brand}, {@code variant}; GA4's {@code item_category} (and {@code item_category2..5} as
 * {@code category2..5}), {@code item_brand}, {@code item_variant}; and every custom scalar field
 * such as {@code color}, {@code size}, {@code material} (numbers and booleans as their text).
 * Identifiers, names, URLs, quantities, money fields, coupons, review text and search queries are
 * not attributes (they are not preferences, and free text may hold personal data); nested
 * objects and arrays in custom fields are ignored. Event-level GA4 parameters (for {@code search}
 * and an item-less {@code share}) give only the product attributes category, brand, variant,
 * color/colour, size, material, style, pattern and fit: the other parameters are page and
 * session data. Segment's {@code filters[]} ({@code {"type": "color", "value": "red"}}) give
 * attributes of a search.
 *
 * <h2>Checks</h2>
 * A line is accepted whole or rejected whole. It is rejected, with its 1-based line number and a
 * reason naming the field, when it is not one well-formed JSON object, names an unknown event,
 * lacks the event name, user id or timestamp, has a field of the wrong JSON type (a price as
 * text, a timestamp as a number in Segment), a number out of range (a price or rating that is
 * negative or not finite such as {@code 1e400}, a timestamp outside a 64-bit count of
 * microseconds), a timestamp that does not parse, an attribute given twice, or is longer than the
 * {@linkplain Builder#maxLineLength(int) limit}. Also rejected (issue 11): a top-level field given
 * twice (so a second {@code userId} or {@code timestamp} cannot win), text that is not
 * well-formed UTF-8 or Unicode (overlong forms, encoded or lone surrogates), a price or rating
 * above {@link #MAX_AMOUNT}, a quantity that is not a whole number from 0 to
 * {@link #MAX_QUANTITY}, and an instant outside years 0000 to 9999 or outside the
 * {@linkplain Builder#window window} around a clock ({@link EventProblem.Kind#OUT_OF_WINDOW}).
 * A receiver that throws an {@link IllegalArgumentException} or {@link ArithmeticException} for a
 * signal rejects that line only. Good lines are always kept.
 *
 * <h2>Consent and personal data</h2>
 * An event whose stated consent (Segment {@code context.consent.categoryPreferences}, GA4
 * {@code consent} or {@code privacy_info}) does not allow profiling under the
 * {@linkplain Builder#consent consent mapping} is skipped. Attribute keys that name personal data
 * and values shaped like an e-mail address or a phone number are dropped
 * ({@link io.c2m.privacy.PersonalData}).
 *
 * <h2>Privacy</h2>
 * Raw user ids pass through the id mapping chosen when the reader is built, typically a
 * {@link Pseudonymizer}; there is no default, because only the caller knows whether its ids are
 * already pseudonymous ({@link #trustingIds()}). Nothing is logged. Problem reasons quote only
 * event names, call types, timestamps and numbers, clipped to 40 characters, with control
 * characters escaped and e-mail- or phone-shaped text withheld; never user ids,
 * product fields or other free text of a line (the quoted parts and character codes in
 * JSON syntax errors are elided).
 *
 * <h2>Speed and memory</h2>
 * Input is read in blocks and split into lines by the reader. A line of UTF-8 bytes is first
 * read straight from the bytes by a strict fast path that makes no parser and no String per
 * repeated name or value (each distinct one is made once per read) and parses the common
 * {@code yyyy-MM-ddTHH:mm:ss[.f]Z} timestamp from the bytes; it takes only printable-ASCII JSON
 * without escapes, exponents or deep nesting, and hands every other line, and every line with a
 * problem, to Jackson, so that the results never depend on which path read a line. Jackson's
 * streaming parser reads a line in one pass, without building a tree, with a factory shared by
 * all reads; a parser per line is deliberate: a syntax error ends only its own line. Fields that
 * never become part of a signal are skipped without being decoded; within one read, the
 * consumer id of a repeated raw id and the attributes of a repeated product are computed once
 * ({@link Builder#idCacheSize(int)}), so a repeated product gives the same {@link
 * io.c2m.Attributes} object, which {@link ProfileSink} uses to feed a profile store without
 * hashing it. A large file can be read on several cores with
 * {@link #readParallel(Path, int, IntFunction)}, each part feeding its own mergeable aggregate
 * ({@link ProfileSink#readParallel} does this for profiles).
 * Memory is bounded by the longest line (at most {@link Builder#maxLineLength(int)}) and the
 * problems kept ({@link Builder#maxProblemsKept(int)}).
 *
 * <p>Thread-safe and immutable: one reader can serve concurrent reads; each read is
 * single-threaded.
 *
 * <p>Why one file of over 800 lines: the fast path and the Jackson path must give identical
 * reports line by line (a property checks it), and keeping both paths with their shared
 * per-line checks (window, privacy, consent, duplicate keys) side by side is what keeps them in
 * step. Splitting the two paths into classes of their own is left for issue 14.
 */
public final class EventReader {
  /** The default {@link Builder#maxLineLength(int)}: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
  /**
   * The largest {@link Builder#maxLineLength(int)} accepted: 1 GiB, so that the line buffer stays
   * well below Java's array limit.
   */
  public static final int MAX_LINE_LENGTH_LIMIT = 1 << 30;
  /** The default {@link Builder#idCacheSize(int)}. */
  public static final int DEFAULT_ID_CACHE_SIZE = 1 << 16;
  /** The default {@link Builder#maxProblemsKept(int)}. */
  public static final int DEFAULT_MAX_PROBLEMS_KEPT = 10_000;

  /** The earliest instant any reader accepts: 0000-01-01T00:00:00Z. */
  public static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  /** The latest instant any reader accepts: 9999-12-31T23:59:59Z. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
  /**
   * The largest price or rating accepted: 10^12, so that a sum over a billion signals stays far
   * below the largest finite {@code double}.
   */
  public static final double MAX_AMOUNT = 1e12;
  /** The largest product quantity accepted: 10^6. */
  public static final double MAX_QUANTITY = 1e6;
  /**
   * Jackson's read limits, set explicitly rather than inherited from a Jackson version: nesting
   * 64 deep, numbers of 100 characters, strings and names of at most 1 MiB (a line is at most
   * {@link #MAX_LINE_LENGTH_LIMIT} anyway).
   */
  static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(64)
      .maxNumberLength(100)
      .maxStringLength(1 << 20)
      .maxNameLength(1 << 16)
      .maxDocumentLength(MAX_LINE_LENGTH_LIMIT + 2L)
      .build();

  private static final int INITIAL_BUFFER = 1 << 16;

  private final JsonFactory factory;
  private final EventMapping mapping;
  private final int maxLineLength;
  private final int maxProblemsKept;
  private final boolean fastPath;

  private EventReader(Builder b) {
    this.factory = JsonFactory.builder()
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .streamReadConstraints(READ_CONSTRAINTS)
        .build();
    long min = EARLIEST.getEpochSecond();
    long max = LATEST.getEpochSecond();
    String window = "";
    if (b.clock != null) {
      Instant now = b.clock.instant();
      min = Math.max(min, saturatedMinus(now, b.maxAge));
      max = Math.min(max, saturatedPlus(now, b.maxLead));
      window = " (from " + b.maxAge.toDays() + " days before to " + b.maxLead.toDays()
          + " days after " + now + ")";
    }
    this.mapping = new EventMapping(b.ids, b.idCacheSize, min, max, window, b.consent);
    this.maxLineLength = b.maxLineLength;
    this.maxProblemsKept = b.maxProblemsKept;
    this.fastPath = b.fastPath;
  }

  /**
   * Starts a reader that maps raw user ids with the given function.
   *
   * @param ids maps a marketplace's raw user id to a consumer id; if it throws or returns null,
   *     the line is rejected ({@link EventProblem.Kind#ID_REJECTED})
   * @return the builder
   */
  public static Builder builder(Function<String, ConsumerId> ids) {
    return new Builder(ids);
  }

  /**
   * A reader that pseudonymizes raw user ids: the usual choice for a marketplace's own ids.
   *
   * @param pseudonymizer the keyed pseudonymizer
   * @return the reader
   */
  public static EventReader pseudonymizing(Pseudonymizer pseudonymizer) {
    requireNonNull(pseudonymizer, "pseudonymizer");
    return builder(pseudonymizer::pseudonymize).build();
  }

  /**
   * A reader that takes the ids in the events as consumer ids unchanged: only for feeds whose
   * ids are already pseudonymous (for example GA4's {@code user_pseudo_id}, or ids hashed
   * upstream).
   *
   * @return the reader
   */
  public static EventReader trustingIds() {
    return builder(ConsumerId::new).idCacheSize(0).build();
  }

  private static long saturatedMinus(Instant now, Duration d) {
    long s = now.getEpochSecond() - d.getSeconds();
    return ((now.getEpochSecond() ^ d.getSeconds()) < 0 && (now.getEpochSecond() ^ s) < 0)
        ? Long.MIN_VALUE : s;
  }

  private static long saturatedPlus(Instant now, Duration d) {
    long s = now.getEpochSecond() + d.getSeconds();
    return ((now.getEpochSecond() ^ s) & (d.getSeconds() ^ s)) < 0 ? Long.MAX_VALUE : s;
  }

  /** Builds an {@link EventReader}. Not thread-safe. */
  public static final class Builder {
    private final Function<String, ConsumerId> ids;
    private Clock clock;
    private Duration maxAge;
    private Duration maxLead;
    private ConsentMapping consent = ConsentMapping.defaults();
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
    private int maxProblemsKept = DEFAULT_MAX_PROBLEMS_KEPT;
    private int idCacheSize = DEFAULT_ID_CACHE_SIZE;
    private boolean fastPath = true;

    private Builder(Function<String, ConsumerId> ids) {
      this.ids = requireNonNull(ids, "ids");
    }

    /**
     * Package-private, for tests: whether byte input tries {@link FastLineParser} before
     * Jackson. The results must not depend on it; the tests check that they do not.
     */
    Builder fastPath(boolean on) {
      this.fastPath = on;
      return this;
    }

    /**
     * Sets the longest line, in bytes (or chars for a {@link Reader}), that is parsed; a longer
     * line is rejected without being held in memory.
     *
     * @param length the limit; positive and at most {@link #MAX_LINE_LENGTH_LIMIT}
     * @return this
     * @throws IllegalArgumentException if not positive or above {@link #MAX_LINE_LENGTH_LIMIT}
     */
    public Builder maxLineLength(int length) {
      if (length <= 0 || length > MAX_LINE_LENGTH_LIMIT) {
        throw new IllegalArgumentException("The maximum line length (" + length
            + ") must be positive and at most " + MAX_LINE_LENGTH_LIMIT + " (1 GiB).");
      }
      this.maxLineLength = length;
      return this;
    }

    /**
     * Sets how many problems a report keeps; further rejected lines are still counted and still
     * passed to a problem listener.
     *
     * @param count the limit; zero or more
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder maxProblemsKept(int count) {
      if (count < 0) {
        throw new IllegalArgumentException(
            "The maximum number of problems kept (" + count + ") must not be negative.");
      }
      this.maxProblemsKept = count;
      return this;
    }

    /**
     * Sets how many raw ids a read remembers with their consumer ids, so that a costly id mapping
     * (a keyed hash) runs once per user rather than once per event. The cache lives only as long
     * as one read call, is never logged and is emptied when full. The mapping must then be a
     * function: the same raw id always gives the same consumer id.
     *
     * @param size the number of ids remembered; 0 to call the mapping for every event
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder idCacheSize(int size) {
      if (size < 0) {
        throw new IllegalArgumentException(
            "The id cache size (" + size + ") must not be negative.");
      }
      this.idCacheSize = size;
      return this;
    }

    /**
     * Refuses, line by line ({@link EventProblem.Kind#OUT_OF_WINDOW}), events dated more than
     * {@code maxAge} before or {@code maxLead} after the clock's instant when the reader is
     * built. Without a window only instants outside years 0000 to 9999 are refused; with one, a
     * single absurd timestamp (1940, or a year ahead) cannot anchor or flatten what the good lines
     * say.
     *
     * @param clock gives "now"
     * @param maxAge how far in the past an event may lie; not negative
     * @param maxLead how far in the future an event may lie; not negative
     * @return this
     * @throws IllegalArgumentException if a duration is negative
     */
    public Builder window(Clock clock, Duration maxAge, Duration maxLead) {
      requireNonNull(clock, "clock");
      requireNonNull(maxAge, "maxAge");
      requireNonNull(maxLead, "maxLead");
      if (maxAge.isNegative() || maxLead.isNegative()) {
        throw new IllegalArgumentException("The window (" + maxAge + " before, " + maxLead
            + " after the clock) must not be negative.");
      }
      this.clock = clock;
      this.maxAge = maxAge;
      this.maxLead = maxLead;
      return this;
    }

    /**
     * Sets how the consent an event states maps to profiling; an event whose consent does not
     * allow profiling is skipped (counted as skipped, not a problem). The default is
     * {@link ConsentMapping#defaults()}.
     *
     * @param mapping the mapping
     * @return this
     */
    public Builder consent(ConsentMapping mapping) {
      this.consent = requireNonNull(mapping, "mapping");
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     */
    public EventReader build() {
      return new EventReader(this);
    }
  }

  /**
   * The signals of a whole input and the report.
   *
   * @param signals the signals, in input order
   * @param report the report
   */
  public record Result(List<Signal> signals, EventReport report) {
    /** Validates and copies. */
    public Result {
      signals = List.copyOf(Checks.requireNoNulls(signals, "signals"));
      requireNonNull(report, "report");
    }
  }

  /**
   * Reads a UTF-8 file, handing each signal to {@code signals} as soon as its line is read.
   *
   * @param file the file
   * @param signals receives the signals; one that throws an {@link IllegalArgumentException}
   *     for a signal rejects its line (a {@code BAD_VALUE} problem) and the read goes on
   * @return the report
   * @throws UncheckedIOException if the file cannot be read
   */
  public EventReport read(Path file, Consumer<? super Signal> signals) {
    return read(file, signals, p -> {});
  }

  /**
   * Reads a UTF-8 file, handing each signal and each problem on as soon as its line is read.
   *
   * @param file the file
   * @param signals receives the signals; one that throws an {@link IllegalArgumentException}
   *     for a signal rejects its line (a {@code BAD_VALUE} problem) and the read goes on
   * @param problems receives every problem, including those beyond the report's limit
   * @return the report
   * @throws UncheckedIOException if the file cannot be read
   */
  public EventReport read(Path file, Consumer<? super Signal> signals,
      Consumer<? super EventProblem> problems) {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, signals, problems);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the events file " + file + ".", e);
    }
  }

  /**
   * Reads UTF-8 bytes to their end; the stream is not closed.
   *
   * @param in the input
   * @param signals receives the signals; one that throws an {@link IllegalArgumentException}
   *     for a signal rejects its line (a {@code BAD_VALUE} problem) and the read goes on
   * @return the report
   * @throws UncheckedIOException if reading fails
   */
  public EventReport read(InputStream in, Consumer<? super Signal> signals) {
    return read(in, signals, p -> {});
  }

  /**
   * Reads UTF-8 bytes to their end; the stream is not closed.
   *
   * @param in the input
   * @param signals receives the signals; one that throws an {@link IllegalArgumentException}
   *     for a signal rejects its line (a {@code BAD_VALUE} problem) and the read goes on
   * @param problems receives every problem, including those beyond the report's limit
   * @return the report
   * @throws UncheckedIOException if reading fails
   */
  public EventReport read(InputStream in, Consumer<? super Signal> signals,
      Consumer<? super EventProblem> problems) {
    requireNonNull(in, "in");
    Run run = new Run(signals, problems);
    try {
      run.bytes(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read events after line " + run.line + ".", e);
    }
    return run.report();
  }

  /**
   * Reads characters to their end; the reader is not closed.
   *
   * @param in the input
   * @param signals receives the signals; one that throws an {@link IllegalArgumentException}
   *     for a signal rejects its line (a {@code BAD_VALUE} problem) and the read goes on
   * @return the report
   * @throws UncheckedIOException if reading fails
   */
  public EventReport read(Reader in, Consumer<? super Signal> signals) {
    return read(in, signals, p -> {});
  }

  /**
   * Reads characters to their end; the reader is not closed.
   *
   * @param in the input
   * @param signals receives the signals; one that throws an {@link IllegalArgumentException}
   *     for a signal rejects its line (a {@code BAD_VALUE} problem) and the read goes on
   * @param problems receives every problem, including those beyond the report's limit
   * @return the report
   * @throws UncheckedIOException if reading fails
   */
  public EventReport read(Reader in, Consumer<? super Signal> signals,
      Consumer<? super EventProblem> problems) {
    requireNonNull(in, "in");
    Run run = new Run(signals, problems);
    try {
      run.chars(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read events after line " + run.line + ".", e);
    }
    return run.report();
  }

  /**
   * Reads a UTF-8 file in up to {@code partitions} parts at once: the file is cut at line
   * boundaries into parts of about equal size, and part {@code i} hands its signals, in file
   * order, to {@code sinks.apply(i)}. Give each part its own sink (for example its own
   * {@link io.c2m.signal.ProfileStore} through a {@link ProfileSink}, merged afterwards in part
   * order): sinks are called from different threads. The report is that of the whole file, with
   * absolute line numbers, equal to what {@link #read(Path, Consumer)} reports; the problems kept are the first
   * {@linkplain Builder#maxProblemsKept(int) limit} by line number.
   *
   * <p>There are never more parts than the file has lines (a part is at least one line; an
   * empty file is one empty part), so {@code sinks} is called for parts {@code 0} to
   * {@code n - 1} with {@code n <= partitions}. The parts run on at most
   * {@code min(n, Runtime.availableProcessors())} threads started for this call, each taking
   * the next part in order; a large {@code partitions} therefore costs parts, not threads.
   *
   * <p>Concatenating the parts' signals in part order gives exactly the signals of a sequential
   * read. Where the cuts fall depends only on the file and {@code partitions}, so the same file
   * and count give the same parts.
   *
   * @param file the file
   * @param partitions the largest number of parts; at least 1
   * @param sinks gives the sink of each part, called once per part before reading starts
   * @return the report of the whole file
   * @throws IllegalArgumentException if {@code partitions} is less than 1
   * @throws UncheckedIOException if the file cannot be read
   * @throws RuntimeException the first exception a sink threw (by part), after all parts stopped
   */
  public EventReport readParallel(Path file, int partitions,
      IntFunction<? extends Consumer<? super Signal>> sinks) {
    requireNonNull(file, "file");
    requireNonNull(sinks, "sinks");
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "The number of partitions (" + partitions + ") must be at least 1.");
    }
    long[] cuts;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      cuts = cuts(ch, partitions);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the events file " + file + ".", e);
    }
    int n = cuts.length - 1;
    List<Consumer<? super Signal>> partSinks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      partSinks.add(requireNonNull(sinks.apply(i), "sink"));
    }
    EventReport[] reports = new EventReport[n];
    Throwable[] failures = new Throwable[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<IOException> openFailure = new AtomicReference<>();
    Runnable worker = () -> {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        for (int part = next.getAndIncrement(); part < n; part = next.getAndIncrement()) {
          Run run = new Run(partSinks.get(part), x -> { });
          run.atFileStart = part == 0;
          try {
            ch.position(cuts[part]);
            run.bytes(new BoundedInputStream(Channels.newInputStream(ch),
                cuts[part + 1] - cuts[part]));
            reports[part] = run.report();
          } catch (IOException e) {
            failures[part] = new UncheckedIOException(
                "Cannot read the events file " + file + ".", e);
          } catch (RuntimeException | Error e) {
            failures[part] = e;
          }
        }
      } catch (IOException e) {
        // Opening failed: this worker took no part; another may take them, else see below.
        openFailure.compareAndSet(null, e);
      }
    };
    int threadCount = Math.min(n, Runtime.getRuntime().availableProcessors());
    Thread[] threads = new Thread[threadCount];
    for (int t = 0; t < threadCount; t++) {
      threads[t] = new Thread(worker, "c2m-event-reader-" + t);
      threads[t].start();
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < n; i++) {
      Throwable f = failures[i];
      if (f instanceof RuntimeException re) {
        throw re;
      } else if (f instanceof Error err) {
        throw err;
      } else if (reports[i] == null) {
        throw new UncheckedIOException("Cannot read the events file " + file + ".",
            openFailure.get() != null ? openFailure.get() : new IOException("part " + i));
      }
    }
    long read = 0;
    long accepted = 0;
    long skipped = 0;
    long rejected = 0;
    long signals = 0;
    List<EventProblem> problems = new ArrayList<>();
    for (EventReport r : reports) {
      for (EventProblem p : r.problems()) {
        if (problems.size() < maxProblemsKept) {
          problems.add(new EventProblem(p.line() + read, p.kind(), p.reason()));
        }
      }
      read += r.read();
      accepted += r.accepted();
      skipped += r.skipped();
      rejected += r.rejected();
      signals += r.signals();
    }
    return new EventReport(read, accepted, skipped, rejected, signals, problems);
  }

  /**
   * Cuts a file into parts that start at line starts: offset 0, then for each i the first byte
   * after the first newline at or after {@code size * i / partitions}. A target that falls
   * inside a part already cut gives no new cut; such targets are skipped without a search, so
   * the work is proportional to the parts made, not to {@code partitions}.
   */
  private static long[] cuts(FileChannel ch, int partitions) throws IOException {
    long size = ch.size();
    List<Long> cuts = new ArrayList<>();
    cuts.add(0L);
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long i = 1;
    while (i < partitions) {
      long last = cuts.get(cuts.size() - 1);
      long from = Math.max(target(size, i, partitions), last);
      long cut = size;
      long pos = from;
      search:
      while (pos < size) {
        buf.clear();
        int r = ch.read(buf, pos);
        if (r <= 0) {
          break;
        }
        for (int k = 0; k < r; k++) {
          if (buf.get(k) == '\n') {
            cut = pos + k + 1;
            break search;
          }
        }
        pos += r;
      }
      if (cut >= size) {
        break; // every later target gives the same cut at the end
      }
      if (cut > last) {
        cuts.add(cut);
      }
      // The next i whose target is at or after this cut (targets before it give this cut again).
      long skipTo = firstTargetAtOrAfter(size, cut, partitions);
      i = Math.max(i + 1, skipTo);
    }
    cuts.add(size);
    long[] out = new long[cuts.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = cuts.get(k);
    }
    return out;
  }

  /** {@code size * i / partitions} without overflow. */
  private static long target(long size, long i, int partitions) {
    if (Math.multiplyHigh(size, i) == 0 && size * i >= 0) {
      return size * i / partitions;
    }
    return BigInteger.valueOf(size).multiply(BigInteger.valueOf(i))
        .divide(BigInteger.valueOf(partitions)).longValueExact();
  }

  /** The least {@code i} with {@code target(size, i, partitions) >= offset}. */
  private static long firstTargetAtOrAfter(long size, long offset, int partitions) {
    if (size == 0) {
      return partitions;
    }
    // floor(size * i / p) >= offset <=> size * i >= offset * p <=> i >= ceil(offset * p / size)
    BigInteger need = BigInteger.valueOf(offset)
        .multiply(BigInteger.valueOf(partitions));
    BigInteger[] qr = need.divideAndRemainder(BigInteger.valueOf(size));
    BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return ceil.min(BigInteger.valueOf(partitions)).longValueExact();
  }

  /** Reads at most a given number of bytes of another stream. */
  private static final class BoundedInputStream extends InputStream {
    private final InputStream in;
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int r = in.read(b, off, (int) Math.min(len, left));
      if (r > 0) {
        left -= r;
      }
      return r;
    }
  }

  /**
   * Reads a whole UTF-8 file and collects its signals.
   *
   * @param file the file
   * @return the signals and the report
   * @throws UncheckedIOException if the file cannot be read
   */
  public Result readAll(Path file) {
    List<Signal> list = new ArrayList<>();
    EventReport report = read(file, list::add);
    return new Result(list, report);
  }

  /**
   * Reads all characters and collects the signals; the reader is not closed.
   *
   * @param in the input
   * @return the signals and the report
   * @throws UncheckedIOException if reading fails
   */
  public Result readAll(Reader in) {
    List<Signal> list = new ArrayList<>();
    EventReport report = read(in, list::add);
    return new Result(list, report);
  }

  /**
   * The growable buffer that {@link Run#split} fills from bytes or characters. Only the element
   * type differs between the two; the splitting and its bounds are shared, so the two inputs
   * cannot treat a line differently. A byte input is parsed from its bytes, never decoded first.
   */
  private abstract static class LineBuffer {
    abstract int capacity();

    /** Reads into {@code [off, off + len)}; returns the count or -1 at the end. */
    abstract int read(int off, int len) throws IOException;

    /** The index of the first '\n' in {@code [from, to)}, or -1. */
    abstract int newline(int from, int to);

    /** Moves {@code [from, to)} to the start. */
    abstract void shift(int from, int to);

    abstract void grow(int capacity);

    abstract boolean isCarriageReturn(int i);

    /** The length of a byte order mark at {@code from}, or 0. */
    abstract int byteOrderMark(int from, int to);

    /** Whether {@code [from, to)} holds only spaces, tabs and carriage returns. */
    abstract boolean isBlank(int from, int to);

    abstract JsonParser parser(JsonFactory factory, int from, int to) throws IOException;
  }

  private static final class ByteLines extends LineBuffer {
    private static final VarHandle LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final InputStream in;
    private byte[] buf;

    ByteLines(InputStream in, int capacity) {
      this.in = in;
      this.buf = new byte[capacity];
    }

    @Override
    int capacity() {
      return buf.length;
    }

    @Override
    int read(int off, int len) throws IOException {
      return in.read(buf, off, len);
    }

    /**
     * Eight bytes at a time: {@code x = word ^ 0x0A...0A} has a zero byte where the word has a
     * '\n', and {@code (x - 0x01...01) & ~x & 0x80...80} sets the top bit of the lowest zero byte
     * exactly (borrows only mark bytes above it), so the lowest set bit, little-endian, is the
     * first newline (the "haszero" test of Mycroft, 1987, as given in Anderson's Bit Twiddling
     * Hacks). Lines of Segment events are about 200 bytes, scanned once each.
     */
    @Override
    int newline(int from, int to) {
      byte[] b = buf;
      int i = from;
      for (; i <= to - 8; i += 8) {
        long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
        long t = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
        if (t != 0) {
          return i + (Long.numberOfTrailingZeros(t) >>> 3);
        }
      }
      for (; i < to; i++) {
        if (b[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    @Override
    void shift(int from, int to) {
      System.arraycopy(buf, from, buf, 0, to - from);
    }

    @Override
    void grow(int capacity) {
      buf = Arrays.copyOf(buf, capacity);
    }

    @Override
    boolean isCarriageReturn(int i) {
      return buf[i] == '\r';
    }

    @Override
    int byteOrderMark(int from, int to) {
      return to - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB
          && buf[from + 2] == (byte) 0xBF ? 3 : 0;
    }

    @Override
    boolean isBlank(int from, int to) {
      for (int i = from; i < to; i++) {
        byte c = buf[i];
        if (c != ' ' && c != '\t' && c != '\r') {
          return false;
        }
      }
      return true;
    }

    @Override
    JsonParser parser(JsonFactory factory, int from, int to) throws IOException {
      return factory.createParser(buf, from, to - from);
    }
  }

  private static final class CharLines extends LineBuffer {
    private final Reader in;
    private char[] buf;

    CharLines(Reader in, int capacity) {
      this.in = in;
      this.buf = new char[capacity];
    }

    @Override
    int capacity() {
      return buf.length;
    }

    @Override
    int read(int off, int len) throws IOException {
      return in.read(buf, off, len);
    }

    @Override
    int newline(int from, int to) {
      char[] b = buf;
      for (int i = from; i < to; i++) {
        if (b[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    @Override
    void shift(int from, int to) {
      System.arraycopy(buf, from, buf, 0, to - from);
    }

    @Override
    void grow(int capacity) {
      buf = Arrays.copyOf(buf, capacity);
    }

    @Override
    boolean isCarriageReturn(int i) {
      return buf[i] == '\r';
    }

    @Override
    int byteOrderMark(int from, int to) {
      return to > from && buf[from] == '\uFEFF' ? 1 : 0;
    }

    @Override
    boolean isBlank(int from, int to) {
      for (int i = from; i < to; i++) {
        char c = buf[i];
        if (c != ' ' && c != '\t' && c != '\r') {
          return false;
        }
      }
      return true;
    }

    @Override
    JsonParser parser(JsonFactory factory, int from, int to) throws IOException {
      return factory.createParser(buf, from, to - from);
    }
  }

  /** The state of one read: counts, scratch values, the line splitter. */
  private final class Run {
    private final Consumer<? super Signal> sink;
    private final Consumer<? super EventProblem> problemSink;
    private final RawEvent raw = new RawEvent();
    private final FastLineParser fast = fastPath ? new FastLineParser() : null;
    private final SignalBuffer scratch = new SignalBuffer();
    /** The sink when it is a {@link ProfileSink}: fed the signals' parts, no records. */
    private final ProfileSink profileSink;
    private final EventMapping.Caches caches = new EventMapping.Caches();
    private final List<EventProblem> problems = new ArrayList<>();
    long line;
    /** False for a partition that starts inside a file: no byte order mark there. */
    boolean atFileStart = true;
    private long accepted;
    private long skipped;
    private long rejected;
    private long signals;

    Run(Consumer<? super Signal> sink, Consumer<? super EventProblem> problemSink) {
      this.sink = requireNonNull(sink, "signals");
      this.profileSink = sink instanceof ProfileSink ps ? ps : null;
      this.problemSink = requireNonNull(problemSink, "problems");
    }

    EventReport report() {
      return new EventReport(line, accepted, skipped, rejected, signals, problems);
    }

    void bytes(InputStream in) throws IOException {
      split(new ByteLines(in, initialBuffer()));
    }

    void chars(Reader in) throws IOException {
      split(new CharLines(in, initialBuffer()));
    }

    private int initialBuffer() {
      return (int) Math.min(INITIAL_BUFFER, maxLineLength + 2L);
    }

    /**
     * Splits the input into lines and handles each. The buffer grows (doubling) up to
     * {@code maxLineLength + 2} (a line, a '\r' and the '\n'); a longer line is counted and
     * skipped to its newline without being held. Sizes are computed in {@code long}:
     * {@code maxLineLength} is at most {@link #MAX_LINE_LENGTH_LIMIT}, so the buffer stays below
     * the array limit.
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
      parse(buf.parser(factory, from, to));
    }

    /** Maps and hands on a line that {@link FastLineParser} read into {@link #raw}. */
    private void mapped() {
      scratch.clear();
      try {
        mapping.map(raw, scratch, caches);
      } catch (LineProblem e) {
        reject(e.kind, e.getMessage());
        return;
      } catch (IllegalArgumentException e) {
        reject(Kind.BAD_VALUE, e.getMessage());
        return;
      }
      handOn();
    }

    private void parse(JsonParser p) {
      scratch.clear();
      try (p) {
        raw.parse(p);
        mapping.map(raw, scratch, caches);
      } catch (LineProblem e) {
        reject(e.kind, e.getMessage());
        return;
      } catch (JacksonException e) {
        reject(Kind.MALFORMED_JSON, malformed(e));
        return;
      } catch (IllegalArgumentException e) {
        reject(Kind.BAD_VALUE, e.getMessage());
        return;
      } catch (IOException e) {
        // Parsing an in-memory array does no I/O; anything else is a syntax problem.
        reject(Kind.MALFORMED_JSON, "The line is not well-formed JSON.");
        return;
      }
      handOn();
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
          if (profileSink != null) {
            profileSink.accept(scratch, i);
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
      EventProblem problem = new EventProblem(line, kind, reason);
      if (problems.size() < maxProblemsKept) {
        problems.add(problem);
      }
      problemSink.accept(problem);
    }
  }

  private static String malformed(JacksonException e) {
    // Jackson's message may repeat the line's content, which may be personal data.
    String msg = SafeMessages.rule(e.getOriginalMessage());
    String where = e.getLocation() != null && e.getLocation().getColumnNr() > 0
        ? " at column " + e.getLocation().getColumnNr() : "";
    return "The line is not well-formed JSON" + where + ": " + msg;
  }
}
