package io.c2m.production;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The formats {@link ErpExport} writes draft production orders in, by their stable names.
 */
public enum ErpFormat {
  /**
   * A JSON array of the draft orders: the {@code data} of c2m's {@code production-orders}
   * document (docs/schemas), which the command line wraps in the envelope.
   */
  JSON("json"),
  /** An Odoo import file for Manufacturing Orders ({@code mrp.production}), comma-separated. */
  ODOO_CSV("odoo-csv"),
  /** An ERPNext Data Import file for Work Orders, comma-separated. */
  ERPNEXT_CSV("erpnext-csv");

  private final String formatName;

  ErpFormat(String formatName) {
    this.formatName = formatName;
  }

  /**
   * The stable name, as the command line's {@code --format} takes it.
   *
   * @return the name, such as {@code odoo-csv}
   */
  public String formatName() {
    return formatName;
  }

  /**
   * The names of every format, comma-separated, for messages and help texts.
   *
   * @return {@code json, odoo-csv, erpnext-csv}
   */
  public static String knownNames() {
    return Arrays.stream(values()).map(ErpFormat::formatName).collect(Collectors.joining(", "));
  }

  /**
   * The format of a name, ignoring case.
   *
   * @param name the name
   * @return the format
   * @throws IllegalArgumentException if no format has the name; the message lists the known ones
   */
  public static ErpFormat byName(String name) {
    for (ErpFormat f : values()) {
      if (f.formatName.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown format (" + name + "); the known formats are " + knownNames() + ".");
  }
}
