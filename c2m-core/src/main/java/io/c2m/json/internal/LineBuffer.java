package io.c2m.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The growable buffer that {@link ReadRun} splits into lines, filled from bytes or characters.
 * Only the element type differs between the two; the splitting and its bounds are shared, so the
 * two inputs cannot treat a line differently. A byte input is parsed from its bytes, never decoded
 * first. Package-private: owned by one read.
 */
abstract class LineBuffer {
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

  /**
   * Whether {@code [from, to)} holds only JSON whitespace: spaces, tabs, carriage returns (and
   * newlines, which only a document read whole can hold).
   */
  abstract boolean isBlank(int from, int to);

  abstract JsonParser parser(JsonFactory factory, int from, int to) throws IOException;

  /**
   * The offset, from the first byte or char given to {@link #parser}, of a location of a parser
   * this buffer made: bytes for bytes, chars for chars.
   */
  abstract long offset(JsonLocation location);

  static final class ByteLines extends LineBuffer {
    private static final VarHandle LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final InputStream in;
    /** The bytes; read by {@link ReadRun}'s fast path in place. */
    byte[] buf;

    ByteLines(InputStream in, int capacity) {
      this.in = in;
      this.buf = new byte[capacity];
    }

    /** A buffer over a whole document already in memory (not copied, never read into). */
    ByteLines(byte[] document) {
      this.in = InputStream.nullInputStream();
      this.buf = document;
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
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return false;
        }
      }
      return true;
    }

    @Override
    JsonParser parser(JsonFactory factory, int from, int to) throws IOException {
      return factory.createParser(buf, from, to - from);
    }

    @Override
    long offset(JsonLocation location) {
      return location.getByteOffset();
    }
  }

  static final class CharLines extends LineBuffer {
    private final Reader in;
    private char[] buf;

    CharLines(Reader in, int capacity) {
      this.in = in;
      this.buf = new char[capacity];
    }

    /** A buffer over a whole document already in memory (not copied, never read into). */
    CharLines(char[] document) {
      this.in = Reader.nullReader();
      this.buf = document;
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
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return false;
        }
      }
      return true;
    }

    @Override
    JsonParser parser(JsonFactory factory, int from, int to) throws IOException {
      return factory.createParser(buf, from, to - from);
    }

    @Override
    long offset(JsonLocation location) {
      return location.getCharOffset();
    }
  }
}
