package io.c2m.examples.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.c2m.privacy.PersonalData;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams the rows of a CSV file with a header line, for {@code c2m plan} and {@code c2m forecast}:
 * one row in memory at a time, read by Jackson's CSV parser (RFC 4180: quoted fields such as
 * {@code "shirt, navy"}, doubled quotes, any column order by header), with {@code ,} or another
 * separator ({@code ;} as spreadsheets in many locales write). Blank lines and lines starting with
 * {@code #} are skipped; a UTF-8 byte order mark is dropped.
 *
 * <p>Every error names the file, the line and, where there is one, the column, and is thrown as a
 * {@link CsvInput.Problem} (an {@link IllegalArgumentException}): invalid UTF-8 (strictly decoded,
 * so overlong forms and encoded surrogates are refused), a row longer than the header, a cell
 * over 1 MiB, more rows than the {@linkplain #DEFAULT_MAX_ROWS limit}. Text quoted from the file
 * in a message is a short excerpt with control characters escaped ({@link PersonalData#excerpt}).
 *
 * <p>Not thread-safe; close it (it closes the file).
 */
final class CsvInput implements Closeable {
  /** The most data rows read from one file by default: 5 million. */
  static final long DEFAULT_MAX_ROWS = 5_000_000L;
  /** The longest cell: 1 MiB. */
  static final int MAX_CELL = 1 << 20;
  /** The most columns of a header. */
  static final int MAX_COLUMNS = 64;

  /** A CSV problem naming the file, line and column. */
  static final class Problem extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }

    Problem(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final CsvFactory FACTORY = CsvFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(MAX_CELL)
          .maxNumberLength(100)
          .maxNestingDepth(4)
          .build())
      .build();

  private final String name;
  private final JsonParser parser;
  private final long maxRows;
  private final List<String> header = new ArrayList<>();
  private final List<String> row = new ArrayList<>();
  private long line;
  private long rows;
  private boolean started;
  private long cellCount;

  private CsvInput(Path file, char separator, long maxRows) {
    this.name = PersonalData.escapeControls(file.toString());
    this.maxRows = maxRows;
    if (Files.isDirectory(file)) {
      throw new Problem("cannot read " + name + ": it is a directory, not a CSV file.");
    }
    Reader reader;
    try {
      reader = new StrictUtf8Reader(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new Problem("cannot read " + name + ": no such file.", e);
    } catch (AccessDeniedException e) {
      throw new Problem("cannot read " + name + ": permission denied.", e);
    } catch (IOException e) {
      throw new Problem("cannot read " + name + ": " + e.getClass().getSimpleName() + ".", e);
    }
    try {
      CsvParser p = FACTORY.createParser(reader);
      p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      p.enable(CsvParser.Feature.ALLOW_COMMENTS);
      p.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator).withComments());
      this.parser = p;
      if (next(true) == null) {
        throw new Problem(name + ": the file is empty; it needs a header line.");
      }
      if (cellCount > MAX_COLUMNS) {
        throw new Problem(name + " line " + line + ": the header has " + cellCount
            + " columns; at most " + MAX_COLUMNS + " are read.");
      }
      for (int i = 0; i < row.size(); i++) {
        String h = row.get(i).strip().toLowerCase(Locale.ROOT);
        if (i == 0 && h.startsWith("\uFEFF")) {
          h = h.substring(1).strip();
        }
        header.add(h);
      }
    } catch (IOException e) {
      throw problem(e);
    }
  }

  /**
   * Opens a file and reads its header.
   *
   * @param file the file
   * @param separator the column separator
   * @param maxRows the most data rows read
   * @return the input, positioned before the first data row
   * @throws Problem if the file cannot be read or has no header
   */
  static CsvInput open(Path file, char separator, long maxRows) {
    return new CsvInput(file, separator, maxRows);
  }

  /** The header's cells, stripped and lower-cased, in file order. */
  List<String> header() {
    return header;
  }

  /** The index of a header column, or -1. */
  int column(String columnName) {
    return header.indexOf(columnName);
  }

  /**
   * Reads the next data row.
   *
   * @return false at the end of the file
   * @throws Problem on invalid UTF-8, a malformed row or too many rows, naming the line
   */
  boolean next() {
    try {
      if (next(false) == null) {
        return false;
      }
    } catch (IOException e) {
      throw problem(e);
    }
    if (++rows > maxRows) {
      throw new Problem(name + " line " + line + ": more than " + maxRows + " rows; that is "
          + "the limit of one file.\nMaybe split the file, or raise --max-rows.");
    }
    return true;
  }

  /** Reads a row into {@link #row}: null at the end; skips rows of one blank cell. */
  private List<String> next(boolean headerRow) throws IOException {
    while (true) {
      JsonToken t = parser.nextToken();
      if (!started && t == JsonToken.START_ARRAY) {
        started = true;
        t = parser.nextToken(); // the outer array of WRAP_AS_ARRAY
      }
      if (t == null || t == JsonToken.END_ARRAY) {
        return null; // the end of the outer array: the end of the file
      }
      if (t != JsonToken.START_ARRAY) {
        throw new IOException("unexpected " + t);
      }
      // The row's own token starts where the previous row ended: its first cell's does not.
      line = parser.currentTokenLocation().getLineNr() + 1;
      row.clear();
      cellCount = 0;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          return null;
        }
        if (row.isEmpty()) {
          line = parser.currentTokenLocation().getLineNr();
        }
        cellCount++;
        if (row.size() <= MAX_COLUMNS) { // more are counted, not kept: the row is refused anyway
          String text = parser.getText();
          row.add(text == null ? "" : text);
        }
      }
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      return row;
    }
  }

  /** The number of cells in the current row. */
  long cells() {
    return cellCount;
  }

  /** A cell of the current row, stripped; empty if the row is shorter or the column absent. */
  String cell(int col) {
    return col >= 0 && col < row.size() ? row.get(col).strip() : "";
  }

  /** The 1-based line where the current row starts. */
  long line() {
    return line;
  }

  /** "FILE line N" of the current row. */
  String where() {
    return name + " line " + line;
  }

  /** "FILE line N, column NAME" of the current row. */
  String where(int col) {
    return where() + ", column " + (col >= 0 && col < header.size()
        ? PersonalData.excerpt(header.get(col)) : String.valueOf(col + 1));
  }

  /** The file's name, escaped. */
  String name() {
    return name;
  }

  private Problem problem(IOException e) {
    long at = parser == null ? 1 : Math.max(1, parser.currentLocation().getLineNr());
    if (e instanceof StrictUtf8Reader.Malformed m) {
      at = m.line;
    }
    if (e instanceof CharacterCodingException) {
      return new Problem(name + " line " + at + ": the file is not valid UTF-8 text (a "
          + "malformed or overlong byte sequence).\nMaybe save it as UTF-8.", e);
    }
    if (e instanceof StreamConstraintsException) {
      return new Problem(name + " line " + at + ": a cell is longer than the limit of "
          + MAX_CELL + " characters.", e);
    }
    return new Problem(name + " line " + at + ": malformed CSV ("
        + PersonalData.excerpt(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
        + ").", e);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // closing a read-only file: nothing was lost
    }
  }
}
