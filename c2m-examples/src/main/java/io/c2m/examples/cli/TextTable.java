package io.c2m.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns are as wide as their widest cell, so no value overflows its
 * column whatever the data (a long niche definition, a long design id). A column is declared by
 * its header, ending in {@code ">"} to align it right (numbers) or {@code "<"} (or nothing) to
 * align it left; the last column is not padded. Not thread-safe.
 *
 * <pre>{@code
 * TextTable t = new TextTable("   ", "definition", "audience>");
 * t.row("category=dress", "42");
 * String text = t.toString();
 * }</pre>
 */
public final class TextTable {
  private final String indent;
  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> right = new ArrayList<>();
  private final List<String[]> rows = new ArrayList<>();

  /**
   * Starts a table.
   *
   * @param indent the text before each line
   * @param columns the headers, each ending in {@code ">"} for a right-aligned column
   */
  public TextTable(String indent, String... columns) {
    this.indent = indent;
    for (String c : columns) {
      boolean r = c.endsWith(">");
      right.add(r);
      headers.add(r || c.endsWith("<") ? c.substring(0, c.length() - 1) : c);
    }
  }

  /**
   * Adds a row.
   *
   * @param cells one value per column, printed with {@link String#valueOf(Object)}
   * @return this table
   * @throws IllegalArgumentException if the number of cells is not the number of columns
   */
  public TextTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("A row of " + cells.length + " cells in a table of "
          + headers.size() + " columns.");
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = String.valueOf(cells[i]);
    }
    rows.add(row);
    return this;
  }

  /**
   * Tells whether the table has no row.
   *
   * @return true without rows
   */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * Returns the table: the header line, then one line per row, each ending in a newline.
   *
   * @return the text
   */
  @Override
  public String toString() {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers.toArray(new String[0]), width);
    for (String[] row : rows) {
      line(sb, row, width);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, String[] cells, int[] width) {
    StringBuilder l = new StringBuilder(indent);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        l.append("  ");
      }
      String pad = " ".repeat(width[i] - cells[i].length());
      if (right.get(i)) {
        l.append(pad).append(cells[i]);
      } else {
        l.append(cells[i]);
        if (i < cells.length - 1) {
          l.append(pad);
        }
      }
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
