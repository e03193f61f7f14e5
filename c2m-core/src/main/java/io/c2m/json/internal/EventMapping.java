package io.c2m.json.internal;

import io.c2m.Attributes;
import io.c2m.ConsumerId;
import io.c2m.json.EventProblem.Kind;
import io.c2m.json.EventReader;
import io.c2m.json.internal.RawEvent.Fields;
import io.c2m.json.internal.RawEvent.LineProblem;
import io.c2m.json.internal.RawEvent.Num;
import io.c2m.privacy.ConsentMapping;
import io.c2m.privacy.PersonalData;
import io.c2m.signal.SignalType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns a {@link RawEvent} into signals: the Segment and GA4 event tables, the attribute rules
 * and the field checks. The tables are documented on {@link EventReader}.
 */
final class EventMapping {
  /** How an event carries its products. */
  enum Shape {
    /** The properties are one product (Segment's product events). */
    PRODUCT,
    /** An array of products ({@code products[]} or {@code items[]}), one signal each. */
    PRODUCTS,
    /** A search: attributes from filters and product-like fields, not the query text. */
    SEARCH,
    /** GA4 event that may have {@code items[]}; otherwise attributes from its params. */
    ITEMS_OR_PARAMS
  }

  /** What one event name becomes. {@code type == null} means: skip deliberately. */
  record Rule(SignalType type, Shape shape, boolean productsRequired) {}

  static final Rule SKIP = new Rule(null, Shape.PRODUCT, false);

  static final Map<String, Rule> SEGMENT = new HashMap<>();
  static final Map<String, Rule> GA4 = new HashMap<>();
  private static final Map<String, Rule> SEGMENT_LOWER = new HashMap<>();
  private static final Map<String, Rule> GA4_LOWER = new HashMap<>();
  /** Segment call types other than track: they carry no product preference. */
  static final Set<String> SEGMENT_SKIPPED_CALLS =
      Set.of("identify", "page", "screen", "group", "alias");

  static {
    SEGMENT.put("Product Viewed", new Rule(SignalType.VIEW, Shape.PRODUCT, false));
    SEGMENT.put("Products Searched", new Rule(SignalType.SEARCH, Shape.SEARCH, false));
    SEGMENT.put("Product List Filtered", new Rule(SignalType.SEARCH, Shape.SEARCH, false));
    SEGMENT.put("Product Added", new Rule(SignalType.CART_ADD, Shape.PRODUCT, false));
    SEGMENT.put("Product Removed", new Rule(SignalType.CART_REMOVE, Shape.PRODUCT, false));
    SEGMENT.put("Product Added to Wishlist", new Rule(SignalType.WISHLIST, Shape.PRODUCT, false));
    SEGMENT.put("Product Shared", new Rule(SignalType.SHARE, Shape.PRODUCT, false));
    SEGMENT.put("Product Reviewed", new Rule(SignalType.REVIEW, Shape.PRODUCT, false));
    SEGMENT.put("Order Completed", new Rule(SignalType.PURCHASE, Shape.PRODUCTS, true));
    SEGMENT.put("Order Refunded", new Rule(SignalType.RETURN, Shape.PRODUCTS, false));
    for (String s : List.of("Product List Viewed", "Product Clicked", "Promotion Viewed",
        "Promotion Clicked", "Cart Viewed", "Checkout Started", "Checkout Step Viewed",
        "Checkout Step Completed", "Payment Info Entered", "Order Updated", "Order Cancelled",
        "Coupon Entered", "Coupon Applied", "Coupon Denied", "Coupon Removed",
        "Product Removed from Wishlist", "Wishlist Product Added to Cart", "Cart Shared")) {
      SEGMENT.put(s, SKIP);
    }
    GA4.put("view_item", new Rule(SignalType.VIEW, Shape.PRODUCTS, true));
    GA4.put("search", new Rule(SignalType.SEARCH, Shape.SEARCH, false));
    GA4.put("add_to_cart", new Rule(SignalType.CART_ADD, Shape.PRODUCTS, true));
    GA4.put("remove_from_cart", new Rule(SignalType.CART_REMOVE, Shape.PRODUCTS, true));
    GA4.put("add_to_wishlist", new Rule(SignalType.WISHLIST, Shape.PRODUCTS, true));
    GA4.put("share", new Rule(SignalType.SHARE, Shape.ITEMS_OR_PARAMS, false));
    GA4.put("purchase", new Rule(SignalType.PURCHASE, Shape.PRODUCTS, true));
    GA4.put("refund", new Rule(SignalType.RETURN, Shape.PRODUCTS, false));
    for (String s : List.of("page_view", "screen_view", "session_start", "first_visit",
        "first_open", "user_engagement", "scroll", "click", "view_search_results",
        "view_item_list", "select_item", "view_cart", "begin_checkout", "add_shipping_info",
        "add_payment_info", "view_promotion", "select_promotion", "login", "sign_up",
        "generate_lead", "select_content", "file_download", "form_start", "form_submit",
        "video_start", "video_progress", "video_complete", "app_remove", "app_update",
        "os_update", "notification_receive", "notification_open", "notification_dismiss",
        "in_app_purchase", "tutorial_begin", "tutorial_complete", "earn_virtual_currency",
        "spend_virtual_currency", "join_group", "level_up", "post_score", "unlock_achievement",
        "exception", "timing_complete")) {
      GA4.put(s, SKIP);
    }
    SEGMENT.forEach((k, v) -> SEGMENT_LOWER.put(k.toLowerCase(Locale.ROOT), v));
    GA4.forEach((k, v) -> GA4_LOWER.put(k.toLowerCase(Locale.ROOT), v));
  }

  /** Fields of Segment and GA4 products and events that are not product attributes. */
  static final Set<String> RESERVED = Set.of(
      // Segment product and event fields
      "product_id", "sku", "name", "url", "image_url", "quantity", "coupon", "position", "price",
      "currency", "value", "revenue", "total", "subtotal", "tax", "shipping", "discount",
      "order_id", "checkout_id", "affiliation", "cart_id", "wishlist_id", "wishlist_name",
      "share_via", "share_message", "recipient", "review_id", "review_body", "rating", "query",
      "list_id", "sorts", "promotion_id", "creative", "id", "step", "payment_method",
      "shipping_method", "coupon_id",
      // GA4 item and event fields
      "item_id", "item_name", "index", "item_list_id", "item_list_name", "item_list_index",
      "location_id", "price_in_usd", "item_revenue", "item_revenue_in_usd", "item_refund",
      "item_refund_in_usd",
      "promotion_name", "creative_name", "creative_slot", "search_term", "method",
      "content_type", "transaction_id");

  /** GA4 and Segment names of the standard product attributes. */
  static final Map<String, String> RENAMES = Map.of(
      "item_category", "category",
      "item_category2", "category2",
      "item_category3", "category3",
      "item_category4", "category4",
      "item_category5", "category5",
      "item_brand", "brand",
      "item_variant", "variant");

  /**
   * Event-level GA4 parameters that are product attributes; other event parameters (page
   * location, session ids, ...) are not product preferences and may hold personal data.
   */
  static final Set<String> GA4_EVENT_ATTRIBUTES = Set.of(
      "category", "brand", "variant", "item_category", "item_category2", "item_category3",
      "item_category4", "item_category5", "item_brand", "item_variant", "color", "colour",
      "size", "material", "style", "pattern", "fit");

  private static final Set<String> STANDARD = Set.of("category", "brand", "variant");

  /** Reserved fields that are still read: the value of a signal, and a quantity to validate. */
  static final Set<String> READ = Set.of("price", "rating", "quantity");

  private final Function<String, ConsumerId> ids;
  private final int idCacheSize;
  private final long minSecond;
  private final long maxSecond;
  private final String window;
  private final ConsentMapping consentMapping;

  /**
   * A mapping that refuses instants outside {@code [minSecond, maxSecond]} (described by
   * {@code window} in messages) and reads consent with {@code consentMapping}.
   */
  EventMapping(Function<String, ConsumerId> ids, int idCacheSize, long minSecond,
      long maxSecond, String window, ConsentMapping consentMapping) {
    this.ids = ids;
    this.idCacheSize = idCacheSize;
    this.minSecond = minSecond;
    this.maxSecond = maxSecond;
    this.window = window;
    this.consentMapping = consentMapping;
  }

  /**
   * Per-read caches: marketplaces repeat the same users and products, so the consumer id of a
   * raw id (when the id mapping is costly, such as a keyed hash) and the {@link Attributes} of a
   * product are computed once per read (bounded; cleared when full). Owned by one read, never
   * shared between threads, dropped when the read ends.
   */
  static final class Caches {
    static final int MAX_ENTRIES = 1 << 14;
    final Map<String, ConsumerId> ids = new HashMap<>();
    final AttributeCache attributes = new AttributeCache();
  }

  /**
   * The attributes of the products seen, keyed by the product's attribute fields (name and value
   * of every field that is not null and not {@link #RESERVED}, in order) and whether they are
   * GA4 event parameters: exactly what {@link #buildAttributes} reads, so equal keys give equal
   * attributes. Looked up without building a key (open addressing over the fields' own hashes,
   * which Strings cache); a key is copied only when stored. Bounded: emptied when half full.
   */
  static final class AttributeCache {
    private static final int MAX_CAPACITY = 2 * Caches.MAX_ENTRIES;
    private Object[][] keys = new Object[1 << 8][];
    private boolean[] eventLevel = new boolean[1 << 8];
    private int[] hashes = new int[1 << 8];
    private Attributes[] values = new Attributes[1 << 8];
    private int size;
    private int lastSlot;
    private int lastHash;

    Attributes get(Fields f, boolean ga4EventLevel) {
      int h = ga4EventLevel ? 1 : 0;
      for (int i = 0, n = f.names.size(); i < n; i++) {
        Object v = f.values.get(i);
        String name = f.names.get(i);
        if (v == null || f.reserved(i)) {
          continue;
        }
        h = 31 * (31 * h + name.hashCode()) + v.hashCode();
      }
      // Scramble: polynomial hashes of ids such as c0000001, c0000002 are consecutive, which
      // linear probing turns into long runs.
      h *= 0x9E3779B9;
      h ^= h >>> 16;
      int mask = keys.length - 1;
      for (int slot = h & mask; ; slot = (slot + 1) & mask) {
        Object[] k = keys[slot];
        if (k == null) {
          lastSlot = slot;
          lastHash = h;
          return null;
        }
        if (hashes[slot] == h && eventLevel[slot] == ga4EventLevel && sameFields(k, f)) {
          return values[slot];
        }
      }
    }

    private static boolean sameFields(Object[] k, Fields f) {
      int j = 0;
      for (int i = 0, n = f.names.size(); i < n; i++) {
        Object v = f.values.get(i);
        String name = f.names.get(i);
        if (v == null || f.reserved(i)) {
          continue;
        }
        if (j + 1 >= k.length || !k[j].equals(name) || !k[j + 1].equals(v)) {
          return false;
        }
        j += 2;
      }
      return j == k.length;
    }

    /** Stores the attributes of the fields that the last {@link #get} did not find. */
    void put(Fields f, boolean ga4EventLevel, Attributes a) {
      if (2 * (size + 1) > keys.length) {
        if (keys.length < MAX_CAPACITY) {
          grow();
        } else {
          Arrays.fill(keys, null);
          Arrays.fill(values, null);
          size = 0;
        }
        get(f, ga4EventLevel); // find the empty slot again
      }
      int count = 0;
      for (int i = 0, n = f.names.size(); i < n; i++) {
        if (f.values.get(i) != null && !f.reserved(i)) {
          count++;
        }
      }
      Object[] k = new Object[2 * count];
      int j = 0;
      for (int i = 0, n = f.names.size(); i < n; i++) {
        Object v = f.values.get(i);
        String name = f.names.get(i);
        if (v != null && !f.reserved(i)) {
          k[j++] = name;
          k[j++] = v;
        }
      }
      keys[lastSlot] = k;
      hashes[lastSlot] = lastHash;
      eventLevel[lastSlot] = ga4EventLevel;
      values[lastSlot] = a;
      size++;
    }

    private void grow() {
      Object[][] oldKeys = keys;
      boolean[] oldLevel = eventLevel;
      int[] oldHashes = hashes;
      Attributes[] oldValues = values;
      int capacity = 2 * oldKeys.length;
      keys = new Object[capacity][];
      eventLevel = new boolean[capacity];
      hashes = new int[capacity];
      values = new Attributes[capacity];
      int mask = capacity - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != null) {
          int i = oldHashes[j] & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          eventLevel[i] = oldLevel[j];
          hashes[i] = oldHashes[j];
          values[i] = oldValues[j];
        }
      }
    }
  }

  static Rule segmentRule(String event) {
    Rule r = SEGMENT.get(event);
    return r != null ? r : SEGMENT_LOWER.get(event.toLowerCase(Locale.ROOT));
  }

  static Rule ga4Rule(String event) {
    Rule r = GA4.get(event);
    return r != null ? r : GA4_LOWER.get(event.toLowerCase(Locale.ROOT));
  }

  /**
   * Maps one parsed line to signals.
   *
   * @param e the parsed line
   * @param out receives the signals; left empty when the line is skipped
   * @throws LineProblem if the line is rejected
   */
  void map(RawEvent e, SignalBuffer out, Caches caches) {
    if (e.mpEvent && e.eventName == null) {
      throw new LineProblem(Kind.MISSING_FIELD,
          "The field name of the GA4 event is missing: every event needs its name.");
    }
    if (e.eventName != null) {
      mapGa4(e, out, caches);
    } else if (e.event != null || e.type != null) {
      mapSegment(e, out, caches);
    } else {
      throw new LineProblem(Kind.MISSING_FIELD,
          "The line has neither an event (Segment) nor an event_name (GA4) field.");
    }
  }

  private void mapSegment(RawEvent e, SignalBuffer out, Caches caches) {
    if (e.type != null) {
      String type = text(e.type, "type");
      if (!type.equals("track")) {
        if (SEGMENT_SKIPPED_CALLS.contains(type)) {
          return;
        }
        throw new LineProblem(Kind.UNKNOWN_EVENT,
            "The Segment call type (\"" + clip(type) + "\") is not one of track, identify, page,"
                + " screen, group, alias.");
      }
    }
    if (e.event == null) {
      throw new LineProblem(Kind.MISSING_FIELD, "The field event of a Segment track call is"
          + " missing.");
    }
    String name = text(e.event, "event");
    Rule rule = segmentRule(name);
    if (rule == null) {
      throw new LineProblem(Kind.UNKNOWN_EVENT, "The Segment event (\"" + clip(name)
          + "\") is not a known e-commerce event.");
    }
    if (rule.type() == null) {
      return;
    }
    if (e.timestamp == RawEvent.PARSED_TIMESTAMP) {
      out.at(inWindow(e.timestampSecond, "timestamp"), e.timestampNano);
    } else {
      Instant at = segmentTimestamp(e.timestamp);
      inWindow(at.getEpochSecond(), "timestamp");
      out.at(at);
    }
    if (!consented(e)) {
      return;
    }
    Fields props = e.properties != null ? e.properties : new Fields("properties");
    emit(rule, props, props.products, segmentUser(e, caches), "segment", false, out,
        caches);
  }

  private void mapGa4(RawEvent e, SignalBuffer out, Caches caches) {
    String name = text(e.eventName, e.mpEvent ? "name" : "event_name");
    Rule rule = ga4Rule(name);
    if (rule == null) {
      throw new LineProblem(Kind.UNKNOWN_EVENT, "The GA4 event (\"" + clip(name)
          + "\") is not a known e-commerce event.");
    }
    if (rule.type() == null) {
      return;
    }
    String timeField = e.mpEvent ? "timestamp_micros" : "event_timestamp";
    long micros = ga4Micros(e.eventTimestamp, timeField);
    out.at(inWindow(micros / 1_000_000L, timeField),
        (int) (micros % 1_000_000L) * 1_000);
    if (!consented(e)) {
      return;
    }
    Fields params = e.params != null ? e.params : new Fields("params");
    List<Fields> items = e.items != null ? e.items : params.products;
    emit(rule, params, items, ga4User(e, caches), "ga4", true, out, caches);
  }

  /**
   * Refuses an instant outside the reader's window: far in the past or the future of its clock
   * (or, without a clock, outside years 0000 to 9999), so that one absurd timestamp cannot
   * overflow a sum, set an epoch or flatten every trend.
   */
  private long inWindow(long second, String field) {
    if (second < minSecond || second > maxSecond) {
      throw new LineProblem(Kind.OUT_OF_WINDOW, "The field " + field + " ("
          + (second >= EventReader.EARLIEST.getEpochSecond()
              && second <= EventReader.LATEST.getEpochSecond()
              ? Instant.ofEpochSecond(second).toString() : "beyond year 9999 or before year 0")
          + ") lies outside the accepted window" + window + ".\nMaybe widen the window if "
          + "such old or future events are real.");
    }
    return second;
  }

  /** Whether the line's stated consent, read with the mapping, allows profiling. */
  private boolean consented(RawEvent e) {
    Fields c = e.consent;
    if (c == null) {
      return !consentMapping.requireStated();
    }
    Set<String> named = e.ga4Consent ? consentMapping.ga4Fields()
        : consentMapping.segmentCategories();
    int namedSeen = 0;
    int granted = 0;
    int denied = 0;
    for (int i = 0, n = c.names.size(); i < n; i++) {
      boolean grants = ConsentMapping.grants(c.values.get(i));
      if (named.contains(c.names.get(i).toLowerCase(Locale.ROOT))) {
        namedSeen++;
        if (!grants) {
          return false;
        }
      }
      if (grants) {
        granted++;
      } else {
        denied++;
      }
    }
    return namedSeen > 0 || (granted > 0 && denied == 0);
  }

  private void emit(Rule rule, Fields event, List<Fields> products,
      ConsumerId consumer, String source, boolean ga4, SignalBuffer out, Caches caches) {
    SignalType type = rule.type();
    out.source(source);
    boolean hasProducts = products != null && !products.isEmpty();
    Shape shape = rule.shape();
    if (shape == Shape.ITEMS_OR_PARAMS) {
      shape = hasProducts ? Shape.PRODUCTS : Shape.SEARCH;
    }
    switch (shape) {
      case PRODUCT -> {
        Attributes a = attributes(event, false, caches);
        quantity(event);
        out.add(consumer, type, a, value(event, type == SignalType.REVIEW ? "rating" : "price"));
      }
      case SEARCH -> out.add(consumer, type, attributes(event, ga4, caches), Double.NaN);
      case PRODUCTS -> {
        if (!hasProducts) {
          if (rule.productsRequired()) {
            throw new LineProblem(Kind.MISSING_FIELD, "The " + (ga4 ? "GA4" : "Segment")
                + " event has no " + (ga4 ? "items" : "properties.products")
                + ": at least one product is required.");
          }
          // A refund without products refunds the whole order: nothing says which items.
          return;
        }
        for (Fields p : products) {
          Attributes a = attributes(p, false, caches);
          quantity(p);
          out.add(consumer, type, a, value(p, "price"));
        }
      }
      default -> throw new IllegalStateException("Unhandled shape " + shape);
    }
  }

  /**
   * Validates a product's quantity, if given: a whole number from 0 to
   * {@link EventReader#MAX_QUANTITY}. It is not part of a signal, but a negative or absurd one
   * marks a broken or hostile line.
   */
  private static void quantity(Fields f) {
    Object v = f.get("quantity");
    if (v == null) {
      return;
    }
    if (!(v instanceof Num n) || !n.integral()) {
      throw new LineProblem(Kind.WRONG_TYPE,
          "The field " + f.pathOf("quantity") + " must be a whole number, not "
              + (v instanceof Num ? "a fraction" : kind(v)) + ".");
    }
    if (!(n.value() >= 0 && n.value() <= EventReader.MAX_QUANTITY)) {
      throw new LineProblem(Kind.OUT_OF_RANGE, "The field " + f.pathOf("quantity") + " ("
          + clip(n.text()) + ") must be from 0 to " + (long) EventReader.MAX_QUANTITY + ".");
    }
  }

  private static double value(Fields f, String field) {
    Object v = f.get(field);
    if (v == null) {
      return Double.NaN;
    }
    if (!(v instanceof Num n)) {
      throw new LineProblem(Kind.WRONG_TYPE,
          "The field " + f.pathOf(field) + " must be a number, not " + kind(v) + ".");
    }
    if (!Double.isFinite(n.value())) {
      throw new LineProblem(Kind.OUT_OF_RANGE,
          "The field " + f.pathOf(field) + " (" + clip(n.text()) + ") is out of the range of"
              + " finite numbers.");
    }
    if (n.value() < 0) {
      throw new LineProblem(Kind.OUT_OF_RANGE,
          "The field " + f.pathOf(field) + " (" + clip(n.text()) + ") must be zero or more.");
    }
    if (n.value() > EventReader.MAX_AMOUNT) {
      throw new LineProblem(Kind.OUT_OF_RANGE, "The field " + f.pathOf(field) + " ("
          + clip(n.text()) + ") must be at most " + (long) EventReader.MAX_AMOUNT
          + ", so that sums over many signals stay finite.");
    }
    return n.value();
  }

  private static Attributes attributes(Fields f, boolean ga4EventLevel, Caches caches) {
    Attributes cached = caches.attributes.get(f, ga4EventLevel);
    if (cached != null) {
      return cached;
    }
    Attributes a = buildAttributes(f, ga4EventLevel);
    caches.attributes.put(f, ga4EventLevel, a);
    return a;
  }

  private static Attributes buildAttributes(Fields f, boolean ga4EventLevel) {
    TreeMap<String, String> map = null;
    for (int i = 0, n = f.names.size(); i < n; i++) {
      String name = f.names.get(i);
      Object v = f.values.get(i);
      if (v == null || f.reserved(i)
          || (ga4EventLevel && !GA4_EVENT_ATTRIBUTES.contains(name))) {
        continue;
      }
      String key = RENAMES.getOrDefault(name, name);
      String text;
      if (v instanceof String s) {
        text = s;
      } else if (v instanceof Num num) {
        text = num.text();
      } else if (v instanceof Boolean b) {
        text = b.toString();
      } else {
        if (STANDARD.contains(key)) {
          throw new LineProblem(Kind.WRONG_TYPE,
              "The field " + f.pathOf(name) + " must be text, not an object or array.");
        }
        continue; // nested custom properties are not attributes
      }
      if (text.isBlank() || key.isBlank()) {
        continue; // an empty attribute says nothing
      }
      key = key.trim().toLowerCase(Locale.ROOT);
      if (PersonalData.isPersonalKey(key) || PersonalData.looksPersonal(text)) {
        continue; // personal data never becomes a preference (and so never leaves in a niche)
      }
      if (key.indexOf('=') >= 0) {
        throw new LineProblem(Kind.BAD_VALUE,
            "The attribute name of field " + clip(f.pathOf(name)) + " must not contain '='.");
      }
      if (map == null) {
        map = new TreeMap<>();
      }
      if (map.put(key, text) != null) {
        throw new LineProblem(Kind.BAD_VALUE,
            "The attribute " + clip(key) + " is given twice in " + clip(f.path()) + " (field "
                + clip(name) + ").");
      }
    }
    return map == null ? Attributes.empty() : new Attributes(map);
  }

  private ConsumerId segmentUser(RawEvent e, Caches caches) {
    String raw = userText(e.userId, "userId");
    String field = "userId";
    if (raw == null) {
      raw = userText(e.anonymousId, "anonymousId");
      field = "anonymousId";
    }
    if (raw == null) {
      throw new LineProblem(Kind.MISSING_FIELD,
          "The Segment event has neither a userId nor an anonymousId.");
    }
    return consumer(raw, field, caches);
  }

  private ConsumerId ga4User(RawEvent e, Caches caches) {
    String pseudo = e.mpEvent ? "client_id" : "user_pseudo_id";
    String raw = userText(e.gaUserId, "user_id");
    String field = "user_id";
    if (raw == null) {
      raw = userText(e.gaPseudoId, pseudo);
      field = pseudo;
    }
    if (raw == null) {
      throw new LineProblem(Kind.MISSING_FIELD, e.mpEvent
          ? "The GA4 body has neither a user_id nor a client_id (or app_instance_id)."
          : "The GA4 event has neither a user_id nor a user_pseudo_id.");
    }
    return consumer(raw, field, caches);
  }

  private ConsumerId consumer(String raw, String field, Caches caches) {
    ConsumerId id = idCacheSize == 0 ? null : caches.ids.get(raw);
    if (id != null) {
      return id;
    }
    try {
      id = ids.apply(raw);
    } catch (RuntimeException ex) {
      // The exception's message may quote the raw id: only its type is reported.
      throw new LineProblem(Kind.ID_REJECTED, "The id mapping refused the " + field + " ("
          + ex.getClass().getSimpleName() + ").");
    }
    if (id == null) {
      throw new LineProblem(Kind.ID_REJECTED, "The id mapping returned no consumer id for the "
          + field + ".");
    }
    if (idCacheSize > 0) {
      if (caches.ids.size() >= idCacheSize) {
        caches.ids.clear();
      }
      caches.ids.put(raw, id);
    }
    return id;
  }

  private static String userText(Object v, String field) {
    if (v == null) {
      return null;
    }
    String s;
    if (v instanceof String str) {
      s = str;
    } else if (v instanceof Num n && n.integral()) {
      s = n.text();
    } else {
      throw new LineProblem(Kind.WRONG_TYPE,
          "The field " + field + " must be a string, not " + kind(v) + ".");
    }
    return s.isBlank() ? null : s;
  }

  private static Instant segmentTimestamp(Object v) {
    if (v == null) {
      throw new LineProblem(Kind.MISSING_FIELD, "The field timestamp is missing.");
    }
    if (!(v instanceof String s)) {
      throw new LineProblem(Kind.WRONG_TYPE,
          "The field timestamp must be ISO-8601 text, not " + kind(v) + ".");
    }
    Instant fast = IsoInstant.parse(s);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException ex) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException ex2) {
        throw new LineProblem(Kind.BAD_TIMESTAMP, "The field timestamp (\"" + clip(s)
            + "\") is not an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
      }
    }
  }

  /** GA4's event_timestamp in microseconds: at least 0, so the seconds are a valid instant. */
  private static long ga4Micros(Object v, String field) {
    if (v == null) {
      throw new LineProblem(Kind.MISSING_FIELD, "The field " + field + " is missing"
          + (field.equals("timestamp_micros") ? " (neither the event nor the body gives one)."
              + "\nMaybe send timestamp_micros, or read the body with its receive time"
              + " (EventReader.readMessage(json, receivedAt))."
              : "."));
    }
    String text;
    if (v instanceof Num n) {
      if (!n.integral()) {
        throw new LineProblem(Kind.BAD_TIMESTAMP, "The field " + field + " ("
            + clip(n.text()) + ") must be whole microseconds since 1970-01-01T00:00:00Z.");
      }
      text = n.text();
    } else if (v instanceof String s) {
      text = s;
    } else {
      throw new LineProblem(Kind.WRONG_TYPE,
          "The field " + field + " must be a number of microseconds, not " + kind(v) + ".");
    }
    long micros;
    try {
      micros = Long.parseLong(text.trim());
    } catch (NumberFormatException ex) {
      boolean digits = !text.isBlank() && text.trim().chars().allMatch(
          c -> (c >= '0' && c <= '9') || c == '-');
      throw new LineProblem(digits ? Kind.OUT_OF_RANGE : Kind.BAD_TIMESTAMP,
          "The field " + field + " (\"" + clip(text) + "\") must be whole microseconds since"
              + " 1970-01-01T00:00:00Z" + (digits ? ", within a 64-bit integer." : "."));
    }
    if (micros < 0) {
      throw new LineProblem(Kind.OUT_OF_RANGE, "The field " + field + " (" + micros
          + ") must not be negative.");
    }
    // At most Long.MAX_VALUE / 10^6 seconds, far within Instant's range of about 3 * 10^16.
    return micros;
  }

  private static String text(Object v, String field) {
    if (v instanceof String s) {
      if (s.isBlank()) {
        throw new LineProblem(Kind.MISSING_FIELD, "The field " + field + " is empty.");
      }
      return s;
    }
    throw new LineProblem(Kind.WRONG_TYPE,
        "The field " + field + " must be a string, not " + kind(v) + ".");
  }

  private static String kind(Object v) {
    if (v instanceof String) {
      return "a string";
    } else if (v instanceof Num) {
      return "a number";
    } else if (v instanceof Boolean) {
      return "a boolean";
    } else {
      return "an object or array";
    }
  }

  /** Shortens text quoted in a reason, so that a problem never carries a whole line. */
  static String clip(String s) {
    return PersonalData.excerpt(s);
  }
}
