package io.c2m.privacy;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises personal data before it can become a niche attribute or appear in a message: a
 * deny-list of attribute keys that name personal data (e-mail, phone, name, address, ip, ids,
 * ...), and shape checks for values that look like an e-mail address or a phone number whatever
 * their key. Also builds the only excerpts of input that messages may quote
 * ({@link #excerpt(String)}): short, with control characters escaped and personal-looking text
 * withheld.
 *
 * <p>The checks are deliberately simple and conservative; they run once per distinct product per
 * read (the reader caches attributes), never per byte. Stateless and thread-safe.
 */
public final class PersonalData {
  /** The longest excerpt of input a message may quote, in characters. */
  public static final int MAX_EXCERPT = 40;

  /** What an excerpt is replaced by when it looks like personal data. */
  public static final String WITHHELD = "<withheld: looks like personal data>";

  /**
   * Attribute keys that name personal data, compared after lower-casing and removing
   * {@code _}, {@code -}, {@code .} and spaces (so {@code e-mail}, {@code E_Mail} and
   * {@code email} are one key). A key is also refused when it ends with one of
   * {@link #DENIED_SUFFIXES}.
   */
  public static final Set<String> DENIED_KEYS = Set.of(
      "email", "mail", "emailaddress", "phone", "phonenumber", "mobile", "mobilephone", "tel",
      "telephone", "fax", "name", "firstname", "lastname", "fullname", "surname", "givenname",
      "familyname", "middlename", "username", "nickname", "address", "street", "streetaddress",
      "address1", "address2", "postcode", "postalcode", "zip", "zipcode", "city", "ip",
      "ipaddress", "ipv4", "ipv6", "userid", "customerid", "clientid", "anonymousid", "deviceid",
      "accountid", "memberid", "ssn", "passport", "iban", "creditcard", "cardnumber", "birthday",
      "birthdate", "dateofbirth", "dob", "age", "gender", "latitude", "longitude", "lat", "lng",
      "lon", "geo", "location", "password", "token", "cookie", "useragent", "taxid", "vat",
      "nationalid", "licenseplate");

  /** Key endings that name personal data ({@code billing_email}, {@code contact_phone}). */
  public static final Set<String> DENIED_SUFFIXES =
      Set.of("email", "phone", "address", "name", "userid", "ipaddress");

  private PersonalData() {}

  /**
   * Whether an attribute key names personal data ({@link #DENIED_KEYS},
   * {@link #DENIED_SUFFIXES}).
   *
   * @param key the attribute key
   * @return true if the key must not become an attribute
   */
  public static boolean isPersonalKey(String key) {
    requireNonNull(key, "key");
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '_' && c != '-' && c != '.' && c != ' ') {
        sb.append(Character.toLowerCase(c));
      }
    }
    String k = sb.toString();
    if (DENIED_KEYS.contains(k)) {
      return true;
    }
    for (String s : DENIED_SUFFIXES) {
      if (k.length() > s.length() && k.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether text looks like an e-mail address: something, an {@code @}, something with a dot.
   * Any {@code @} between two non-blank parts counts, so obfuscated forms are caught too.
   *
   * @param text the text
   * @return true if it looks like an e-mail address
   */
  public static boolean looksLikeEmail(String text) {
    requireNonNull(text, "text");
    int at = text.indexOf('@');
    return at > 0 && at < text.length() - 1 && text.indexOf('.', at) > at + 1;
  }

  /**
   * Whether text looks like a phone number: 7 to 15 digits (E.164 allows 15), possibly with a
   * leading {@code +}, spaces, dashes, dots, slashes and parentheses, and nothing else.
   *
   * @param text the text
   * @return true if it looks like a phone number
   */
  public static boolean looksLikePhone(String text) {
    requireNonNull(text, "text");
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '+' ? i != firstNonBlank(text) : " -./()".indexOf(c) < 0) {
        return false;
      }
    }
    return digits >= 7 && digits <= 15 && hasSeparatorOrPlus(text, digits);
  }

  /**
   * Whether a value looks like personal data: an e-mail address or a phone number.
   *
   * @param text the value
   * @return true if it looks like an e-mail address or a phone number
   */
  public static boolean looksPersonal(String text) {
    return looksLikeEmail(text) || looksLikePhone(text);
  }

  /**
   * The only form in which a message may quote text from its input: personal-looking text
   * ({@link #looksPersonal}, or any {@code @}) is replaced by {@link #WITHHELD}; control
   * characters (C0 including tab and line feed, DEL, C1, and the bidirectional overrides) are escaped as {@code \\uXXXX} so
   * that no terminal escape sequence reaches a console; the result is clipped to
   * {@link #MAX_EXCERPT} characters.
   *
   * @param text the input text
   * @return a short, printable excerpt
   */
  public static String excerpt(String text) {
    requireNonNull(text, "text");
    if (text.indexOf('@') >= 0 || looksPersonal(text.strip())) {
      return WITHHELD;
    }
    String escaped = escape(text, false);
    return escaped.length() <= MAX_EXCERPT ? escaped
        : escaped.substring(0, MAX_EXCERPT - 3) + "...";
  }

  /**
   * Escapes control characters (C0 but tab and line feed, DEL, C1, bidirectional controls, line
   * and paragraph separators) and lone surrogates as {@code \\uXXXX}, so that text printed to a
   * terminal cannot move the cursor, ring the bell, recolour it or reorder what follows. Other
   * text, and the line breaks of a multi-line message, are unchanged.
   *
   * @param text the text
   * @return the text with controls escaped
   */
  public static String escapeControls(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLineFeeds) {
    requireNonNull(text, "text");
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean bad = (isControl(c) && !(keepLineFeeds && (c == '\n' || c == '\t')))
          || (Character.isHighSurrogate(c)
              && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))))
          || (Character.isLowSurrogate(c)
              && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1))));
      if (bad && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (bad) {
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029 || c == 0x200e || c == 0x200f || c == 0x061c;
  }

  private static int firstNonBlank(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Plain digit runs (an order number, a SKU) are phones only when long and unseparated. */
  private static boolean hasSeparatorOrPlus(String text, int digits) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+' || c == ' ' || c == '-' || c == '(' || c == '/' || c == '.') {
        return true;
      }
    }
    return digits >= 10; // a bare 10-15 digit run: a national or international number
  }
}
