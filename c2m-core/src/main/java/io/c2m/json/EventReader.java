package io.c2m.json;

import static java.util.Objects.requireNonNull;

import io.c2m.ConsumerId;
import io.c2m.internal.Checks;
import io.c2m.json.EventProblem.Kind;
import io.c2m.json.internal.ParallelRead;
import io.c2m.json.internal.ProfileFeed;
import io.c2m.json.internal.ReadRun;
import io.c2m.json.internal.ReadSettings;
import io.c2m.privacy.ConsentMapping;
import io.c2m.privacy.Pseudonymizer;
import io.c2m.signal.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads behavioural events as JSON lines, one event or one envelope of events per line, in the
 * conventions marketplaces already emit, and turns them into {@link Signal}s; reads one JSON
 * document at a time too ({@link #readMessage(byte[])}), for events received one by one over
 * HTTP.
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
 * <h2>Envelopes</h2>
 * A line (or a document) with a top-level {@code events} or {@code batch} field is an envelope of
 * many events; each element is a record of its own, reported with its
 * {@linkplain EventProblem#index() index} if bad, the good ones kept
 * ({@link EventReport} counts records).
 * <ul>
 *   <li><b>GA4 Measurement Protocol body</b> (the JSON a server POSTs to {@code /mp/collect};
 *       field names as in Google's Measurement Protocol reference,
 *       https://developers.google.com/analytics/devguides/collection/protocol/ga4/reference):
 *       {@code events[]} of {@code {"name": ..., "params": {..., "items": [...]}}}, the same
 *       event names and item fields as above. The user is the body's {@code user_id}, else its
 *       {@code client_id} (web), else its {@code app_instance_id} (app); the time is the event's
 *       own {@code timestamp_micros}, else the body's, else (only in
 *       {@link #readMessage(byte[], Instant)}) the receive time; in a file it is required. The
 *       body's {@code consent} ({@code ad_user_data}, {@code ad_personalization}:
 *       {@code GRANTED} or {@code DENIED}) is honoured for every
 *       event, and so is the older {@code non_personalized_ads: true} (read as
 *       {@code ad_personalization} denied). {@code user_data} (user-provided e-mail addresses and
 *       phone numbers, even hashed), {@code user_properties}, {@code device},
 *       {@code user_location} and {@code ip_override} are never read.
 *   <li><b>Segment batch</b> (the body of the HTTP Tracking API's {@code /v1/batch},
 *       https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/):
 *       {@code batch[]} of messages, each read exactly as a Segment line (so {@code identify},
 *       {@code page}, {@code screen}, {@code group} and {@code alias} calls are skipped, as they
 *       carry no product preference). The batch's {@code context.consent.categoryPreferences}
 *       applies to the messages that state no consent of their own; {@code integrations} and
 *       {@code sentAt} are ignored.
 * </ul>
 * An envelope that cannot be read as a whole (not well-formed JSON or UTF-8, a top-level field
 * given twice, an {@code events} that is not an array, an empty array, both {@code events} and
 * {@code batch}) is one rejected record with index {@link EventProblem#WHOLE_LINE}. Envelopes do
 * not nest. Both services limit a request (GA4: 25 events, 130 KB; Segment: 500 KB, 32 KB a
 * message); the reader does not, beyond its {@linkplain Builder#maxLineLength(int) line length}.
 * *
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
 * GA4's select_item and Segment's Product Clicked (a click on a product in a list) are skipped
 * on purpose: the product page the click opens sends view_item (Product Viewed), and counting
 * both would count one look twice. Identify, page and the like are skipped because they name no
 * product.
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
 * <p>The parts live in {@code io.c2m.json.internal}, each with one job: {@code ReadSettings}
 * (what all reads of a reader share), {@code ReadRun} (one read: the line splitter over a
 * {@code LineBuffer}, the record handling, counts and problems), {@code Envelope} (the first pass
 * over an envelope line), {@code FastLineParser} and {@code RawEvent} (the two parsers of one
 * event), {@code EventMapping} (event tables, attribute rules, field checks) and
 * {@code ParallelRead} (the parts and threads of {@link #readParallel}).
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
  private final ReadSettings settings;

  private EventReader(Builder b) {
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
    this.settings = new ReadSettings(b.ids, b.idCacheSize, min, max, window, b.consent,
        b.maxLineLength, b.maxProblemsKept, b.fastPath);
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
     * Package-private, for tests: whether byte input tries {@code FastLineParser} before
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
    ReadRun run = new ReadRun(settings, signals, feedOf(signals), problems);
    try {
      run.bytes(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read events after line " + run.line() + ".", e);
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
    ReadRun run = new ReadRun(settings, signals, feedOf(signals), problems);
    try {
      run.chars(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read events after line " + run.line() + ".", e);
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
    return ParallelRead.read(settings, file, partitions, sinks, EventReader::feedOf);
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
   * Reads one JSON document received on its own, for integrators who receive events one by one
   * (an HTTP endpoint, a queue): a single event (a Segment message or a GA4 event, as one line
   * of a file would hold), a GA4 Measurement Protocol body or a Segment batch. The document may
   * span lines. It is read whole, with exactly the rules of a line of
   * {@link #read(InputStream, Consumer)}: the result equals reading the document, written on one
   * line, as a file. Every bad element of an envelope is a problem with its
   * {@linkplain EventProblem#index() index} (and line 1), and the good elements are kept.
   *
   * <p>Bounded work on hostile input: a document longer than
   * {@link Builder#maxLineLength(int)} bytes is rejected unread ({@link Kind#LINE_TOO_LONG}),
   * nesting beyond 64 and over-long numbers or strings are refused by the parser's limits,
   * and the work is linear in the document's length. An empty document is rejected. The caller
   * must not change the array during the call; it is not copied.
   *
   * @param json the UTF-8 bytes of the document
   * @return the signals, in document order, and the report, which counts records (the event,
   *     or each element of an envelope)
   */
  public Result readMessage(byte[] json) {
    requireNonNull(json, "json");
    return message(json, null);
  }

  /**
   * Reads one JSON document received on its own, as {@link #readMessage(byte[])} does, giving an
   * event that has no time of its own the instant the message was received: a GA4 event without
   * {@code timestamp_micros} (neither its own nor its body's; GA4 itself then takes the request
   * time) or a Segment message without {@code timestamp}. The receive time is checked like any
   * event time (the {@linkplain Builder#window window}, years 0000 to 9999).
   *
   * @param json the UTF-8 bytes of the document
   * @param receivedAt when the message was received, from the caller's clock
   * @return the signals, in document order, and the report
   * @throws IllegalArgumentException if {@code receivedAt} is outside years 0000 to 9999
   */
  public Result readMessage(byte[] json, Instant receivedAt) {
    requireNonNull(json, "json");
    return message(json, received(receivedAt));
  }

  /**
   * Reads one JSON document received on its own, as {@link #readMessage(byte[], Instant)} does;
   * the length limit counts chars.
   *
   * @param json the document
   * @param receivedAt when the message was received, from the caller's clock
   * @return the signals, in document order, and the report
   * @throws IllegalArgumentException if {@code receivedAt} is outside years 0000 to 9999
   */
  public Result readMessage(String json, Instant receivedAt) {
    requireNonNull(json, "json");
    return message(json.toCharArray(), received(receivedAt));
  }

  private static Instant received(Instant at) {
    requireNonNull(at, "receivedAt");
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new IllegalArgumentException("The receive time (" + at + ") must lie within years"
          + " 0000 to 9999.");
    }
    return at;
  }

  /**
   * Reads one JSON document received on its own, as {@link #readMessage(byte[])} does; the
   * length limit counts chars.
   *
   * @param json the document
   * @return the signals, in document order, and the report
   */
  public Result readMessage(String json) {
    requireNonNull(json, "json");
    return message(json.toCharArray(), null);
  }

  private Result message(byte[] json, Instant receivedAt) {
    List<Signal> list = new ArrayList<>();
    EventReport report = ReadRun.message(settings, json, receivedAt, list::add);
    return new Result(list, report);
  }

  private Result message(char[] json, Instant receivedAt) {
    List<Signal> list = new ArrayList<>();
    EventReport report = ReadRun.message(settings, json, receivedAt, list::add);
    return new Result(list, report);
  }

  /**
   * The feed behind a {@link ProfileSink}, which a read fills from a line's parts without making
   * {@link Signal} records; null for any other sink.
   */
  private static ProfileFeed feedOf(Consumer<?> sink) {
    return sink instanceof ProfileSink ps ? ps.feed() : null;
  }
}
