package io.c2m.examples.cli;

import io.c2m.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports how much of a file has been read, as the task {@code "read (bytes)"}: the progress of a
 * big ingest, whose number of records is unknown until the end. Reports every mebibyte and at
 * the end. Not thread-safe.
 */
final class ProgressInputStream extends FilterInputStream {
  private static final long EVERY = 1 << 20;
  static final String TASK = "read (bytes)";

  private final ProgressListener progress;
  private final long size;
  private long read;
  private long next = EVERY;

  /**
   * Wraps a stream.
   *
   * @param in the file's stream
   * @param size the file's size, in bytes
   * @param progress hears the bytes read
   */
  ProgressInputStream(InputStream in, long size, ProgressListener progress) {
    super(in);
    this.size = Math.max(1, size);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    count(n);
    return n;
  }

  private void count(int n) {
    if (n < 0) {
      if (read < size) {
        progress.progress(TASK, size, size); // the end, even if the file shrank meanwhile
        read = size;
      }
      return;
    }
    read += n;
    if (read >= next && read < size) {
      progress.progress(TASK, read, size);
      next = read + EVERY;
    } else if (read >= size && next != Long.MAX_VALUE) {
      progress.progress(TASK, read, Math.max(read, size));
      next = Long.MAX_VALUE;
    }
  }
}
