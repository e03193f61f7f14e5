package io.c2m.json.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fast path for the one timestamp shape event feeds use almost always,
 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)}. Package-private: {@link Instant#parse}
 * costs about a microsecond, as much as parsing the rest of an event line, so the reader tries
 * this first and falls back to the JDK for any other shape. It returns exactly what
 * {@code OffsetDateTime.parse(s).toInstant()} returns for the shapes it accepts.
 */
final class IsoInstant {
  private IsoInstant() {}

  /**
   * Parses the common shape.
   *
   * @param s the text
   * @return the instant, or null if the text has another shape or an invalid field (the caller
   *     then asks the JDK, which accepts more shapes and explains failures)
   */
  static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        nano = nano * 10 + (s.charAt(i) - '0');
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 9) {
        return null;
      }
      for (int k = len; k < 9; k++) {
        nano *= 10;
      }
    }
    int offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-')
        && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
        return null;
      }
      offset = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offset;
    return Instant.ofEpochSecond(seconds, nano);
  }

  /** What {@link #epochSecond} returns for text of another shape or with an invalid field. */
  static final long NONE = Long.MIN_VALUE;

  /**
   * Parses the common shape from ASCII bytes, exactly as {@link #parse(String)} parses the same
   * characters.
   *
   * @param b the bytes
   * @param from the first byte
   * @param to after the last byte
   * @return the instant, or null if the text has another shape or an invalid field
   */
  static Instant parse(byte[] b, int from, int to) {
    long seconds = epochSecond(b, from, to);
    return seconds == NONE ? null : Instant.ofEpochSecond(seconds, nano(b, from, to));
  }

  /**
   * The seconds of the common shape parsed from ASCII bytes, without making an {@link Instant}
   * (or a {@link LocalDate}): {@code parse(b, from, to).getEpochSecond()}.
   *
   * @return the seconds since 1970-01-01T00:00Z, or {@link #NONE} where {@link #parse(byte[],
   *     int, int)} gives null
   */
  static long epochSecond(byte[] b, int from, int to) {
    int n = to - from;
    if (n < 20 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
        || b[from + 13] != ':' || b[from + 16] != ':') {
      return NONE;
    }
    int year = digits(b, from, 4);
    int month = digits(b, from + 5, 2);
    int day = digits(b, from + 8, 2);
    int hour = digits(b, from + 11, 2);
    int minute = digits(b, from + 14, 2);
    int second = digits(b, from + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NONE;
    }
    int i = from + 19;
    if (b[i] == '.') {
      int start = ++i;
      while (i < to && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 9) {
        return NONE;
      }
    }
    int offset;
    if (i == to - 1 && b[i] == 'Z') {
      offset = 0;
    } else if (i == to - 6 && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
      int oh = digits(b, i + 1, 2);
      int om = digits(b, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
        return NONE;
      }
      offset = (oh * 3600 + om * 60) * (b[i] == '-' ? -1 : 1);
    } else {
      return NONE;
    }
    return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
  }

  /**
   * The nanoseconds of text for which {@link #epochSecond} did not return {@link #NONE}.
   */
  static int nano(byte[] b, int from, int to) {
    int i = from + 19;
    if (b[i] != '.') {
      return 0;
    }
    int nano = 0;
    int k = 0;
    for (i++; i < to && b[i] >= '0' && b[i] <= '9'; i++, k++) {
      nano = nano * 10 + (b[i] - '0');
    }
    for (; k < 9; k++) {
      nano *= 10;
    }
    return nano;
  }

  private static int monthLength(int year, int month) {
    if (month == 2) {
      boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /**
   * Days since 1970-01-01 of a valid proleptic Gregorian date with a year of 0 to 9999: the
   * days-from-civil algorithm of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"
   * (2013), counting in 400-year eras of 146,097 days from 0000-03-01.
   */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }

  private static int digits(byte[] b, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int c = b[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
