package io.c2m.privacy;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the consent an event states maps to {@link Consent#PROFILING}: which Segment consent
 * categories ({@code context.consent.categoryPreferences}) and which GA4 consent fields
 * ({@code consent.ad_user_data}, {@code consent.ad_personalization}, {@code
 * privacy_info.analytics_storage}, ...) must be granted for the event to be profiled.
 *
 * <p>The rule: an event that states consent is profiled only if every named category (or field)
 * <em>that it states</em> is granted, and it states at least one of them; an event whose consent
 * names none of them is profiled only if it grants at least one category and denies none. An
 * event that states no consent is profiled unless {@link #requireStated()} (then it is skipped).
 * Granted is JSON {@code true}, or the text {@code yes}, {@code granted}, {@code true} or
 * {@code 1} (any case); anything else denies. Category and field names compare ignoring case.
 *
 * @param segmentCategories the Segment categories that must be granted; may be empty
 * @param ga4Fields the GA4 consent fields that must be granted; may be empty
 * @param requireStated whether an event that states no consent is skipped
 */
public record ConsentMapping(Set<String> segmentCategories, Set<String> ga4Fields,
    boolean requireStated) {
  /**
   * Validates and normalises the names to lower case.
   *
   * @throws IllegalArgumentException if a name is blank
   */
  public ConsentMapping {
    segmentCategories = lower(requireNonNull(segmentCategories, "segmentCategories"),
        "segmentCategories");
    ga4Fields = lower(requireNonNull(ga4Fields, "ga4Fields"), "ga4Fields");
  }

  /**
   * The default: Segment's {@code Analytics}, {@code Personalization} and {@code Advertising}
   * categories (those that exist on the event must be granted), GA4's {@code analytics_storage},
   * {@code ad_user_data} and {@code ad_personalization}; events without consent information are
   * profiled (the caller is taken to have filtered its export).
   *
   * @return the default mapping
   */
  public static ConsentMapping defaults() {
    return new ConsentMapping(Set.of("analytics", "personalization", "advertising"),
        Set.of("analytics_storage", "ad_user_data", "ad_personalization"), false);
  }

  /**
   * This mapping, also skipping events that state no consent.
   *
   * @param require whether an event without consent information is skipped
   * @return the mapping
   */
  public ConsentMapping withRequireStated(boolean require) {
    return new ConsentMapping(segmentCategories, ga4Fields, require);
  }

  /**
   * Whether a consent value grants.
   *
   * @param value a Boolean, a String, or anything else (which denies)
   * @return true if granted
   */
  public static boolean grants(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      String v = s.strip().toLowerCase(Locale.ROOT);
      return v.equals("yes") || v.equals("granted") || v.equals("true") || v.equals("1");
    }
    return false;
  }

  private static Set<String> lower(Set<String> names, String field) {
    Set<String> out = new TreeSet<>();
    for (String n : names) {
      requireNonNull(n, field);
      if (n.isBlank()) {
        throw new IllegalArgumentException("A name in " + field + " is blank.");
      }
      out.add(n.strip().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(out);
  }
}
