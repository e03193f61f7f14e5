package io.c2m.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly (overlong forms, encoded surrogates and truncated sequences are
 * refused, as the JDK's decoder does) and, unlike {@link java.io.InputStreamReader}, knows the
 * line of the first bad byte: it counts the line feeds of the bytes it has decoded, so the error
 * names the line even though it decodes a block at a time.
 */
final class StrictUtf8Reader extends Reader {
  /** Invalid UTF-8 at a known line. */
  static final class Malformed extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    final long line;

    Malformed(long line) {
      this.line = line;
    }

    @Override
    public String getMessage() {
      return "invalid UTF-8 at line " + line;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
  private long line = 1;
  private boolean eof;
  private boolean flushed;

  StrictUtf8Reader(InputStream in) {
    this.in = in;
    bytes.flip(); // empty, in read mode
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.position() == off) {
      if (!eof && !bytes.hasRemaining() || !eof && bytes.remaining() < 4) {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
      int before = bytes.position();
      CoderResult r = decoder.decode(bytes, out, eof);
      for (int i = before; i < bytes.position(); i++) {
        if (bytes.get(i) == '\n') {
          line++;
        }
      }
      if (r.isError()) {
        throw new Malformed(line);
      }
      if (r.isOverflow()) {
        break;
      }
      if (eof) {
        if (!flushed) {
          decoder.flush(out);
          flushed = true;
        }
        if (out.position() == off) {
          return -1;
        }
        break;
      }
    }
    return out.position() - off;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
