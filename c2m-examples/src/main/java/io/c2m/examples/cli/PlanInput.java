package io.c2m.examples.cli;

import io.c2m.privacy.PersonalData;
import io.c2m.production.BatchingProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CSV input of {@code c2m plan}: the demand file ({@code period,demand} or {@code
 * item,period,demand}, optional per-period cost columns) and the items file ({@code
 * item,setup_cost,holding_cost}, optional {@code setup_time,unit_capacity_use}). Every bad row is
 * reported with its line and column and the good ones are kept; when no row is good the reader
 * throws {@link NothingUsable} (exit code {@link PlanCommand#EXIT_NOTHING_USABLE}).
 */
final class PlanInput {
  private final char separator;
  private final long maxRows;

  /**
   * A reader of the command's files.
   *
   * @param separator the column separator
   * @param maxRows the most data rows read from one file
   */
  PlanInput(char separator, long maxRows) {
    this.separator = separator;
    this.maxRows = maxRows;
  }

  /** A design's parameters read from the items file. */
  record Item(double setupCost, double holdingCost, double setupTime, double unitUse) {}

  /** The demand file, parsed. */
  static final class Demand {
    final Map<String, Map<Integer, Integer>> demand = new TreeMap<>();
    final Map<String, Map<Integer, double[]>> costs = new TreeMap<>();
    boolean hasSetup;
    boolean hasHolding;
    boolean hasUnit;
    boolean multi;
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
  }

  /** The most errors listed before the rest are only counted. */
  private static final int MAX_ERRORS_LISTED = 100;

  /** Collects a file's row errors, listing the first {@link #MAX_ERRORS_LISTED}. */
  private static final class Errors {
    final List<String> listed = new ArrayList<>();
    long count;
    long goodRows;

    void add(String message) {
      if (count++ < MAX_ERRORS_LISTED) {
        listed.add(message);
      }
    }

    /** Throws the errors, if any, as one message; exit 3 when no row was good. */
    void throwIfAny(String file) {
      if (count == 0) {
        return;
      }
      String more = count > listed.size() ? "\n" + (count - listed.size()) + " more errors in "
          + file + "." : "";
      String msg = String.join("\n", listed) + more;
      throw goodRows == 0 ? new NothingUsable(msg) : new IllegalArgumentException(msg);
    }
  }

  /** Every data row of a file was rejected: nothing usable (exit code 3). */
  static final class NothingUsable extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NothingUsable(String message) {
      super(message);
    }
  }

  private static double number(CsvInput in, int col, Errors errors) {
    String text = in.cell(col);
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v) || v < 0 || v > PlanCommand.MAX_COST) {
        errors.add(in.where(col) + ": " + in.header().get(col) + " (" + PersonalData.excerpt(text)
            + ") must be a number from 0 to " + (long) PlanCommand.MAX_COST + ".");
        return 0;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(in.where(col) + ": " + in.header().get(col) + " (\"" + PersonalData.excerpt(text)
          + "\") is not a number.");
      return 0;
    }
  }

  private static double optional(CsvInput in, int col, Errors errors) {
    return col < 0 || in.cell(col).isEmpty() ? Double.NaN : number(in, col, errors);
  }

  private static Integer integer(CsvInput in, int col, Errors errors, boolean nonNegative) {
    String text = in.cell(col);
    try {
      int v = Integer.parseInt(text);
      if (nonNegative && v < 0) {
        errors.add(in.where(col) + ": " + in.header().get(col) + " (" + v
            + ") must not be negative.");
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(in.where(col) + ": " + in.header().get(col) + " (\""
          + PersonalData.excerpt(text) + "\") is not a whole number from -2147483648 to "
          + "2147483647.");
      return null;
    }
  }

  Demand readDemand(Path path) {
    Demand out = new Demand();
    Errors errors = new Errors();
    try (CsvInput in = CsvInput.open(path, separator, maxRows)) {
      int period = in.column("period");
      int demand = in.column("demand");
      int item = in.column("item");
      int setup = in.column("setup_cost");
      int holding = in.column("holding_cost");
      int unit = in.column("unit_cost");
      List<String> missing = new ArrayList<>();
      if (period < 0) {
        missing.add("period");
      }
      if (demand < 0) {
        missing.add("demand");
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(in.name() + " line 1: missing column(s) " + missing
            + "; the header must have period,demand or item,period,demand (any order).");
      }
      out.multi = item >= 0;
      out.hasSetup = setup >= 0;
      out.hasHolding = holding >= 0;
      out.hasUnit = unit >= 0;
      while (in.next()) {
        if (in.cells() != in.header().size()) {
          errors.add(in.where() + ": " + in.cells() + " cells, the header has "
              + in.header().size() + ".");
          continue;
        }
        String name = item >= 0 ? in.cell(item) : "item";
        if (name.isEmpty()) {
          errors.add(in.where(item) + ": item is empty.");
          continue;
        }
        long before = errors.count;
        Integer p = integer(in, period, errors, false);
        Integer d = integer(in, demand, errors, true);
        // an empty cost cell (or a missing column) means: use the flag, NaN here
        double[] c = {optional(in, setup, errors), optional(in, holding, errors),
            optional(in, unit, errors)};
        if (errors.count > before) {
          continue;
        }
        Map<Integer, Integer> series = out.demand.get(name);
        if (series == null) {
          if (out.demand.size() >= PlanCommand.MAX_ITEMS) {
            throw new IllegalArgumentException(in.where(item) + ": more than " + PlanCommand.MAX_ITEMS
                + " items; that is the limit of one plan.");
          }
          series = new TreeMap<>();
          out.demand.put(name, series);
        }
        if (series.containsKey(p)) {
          errors.add(in.where(period) + ": period " + p + (out.multi ? " of item "
              + PersonalData.excerpt(name) : "") + " occurs twice.");
          continue;
        }
        int first = Math.min(out.first, p);
        int last = Math.max(out.last, p);
        if ((long) last - first + 1 > BatchingProblem.MAX_HORIZON) {
          // Fail fast: the span of periods only grows as the file is read.
          throw new IllegalArgumentException(in.where(period) + ": periods " + first + " to "
              + last + " span more than " + BatchingProblem.MAX_HORIZON + " periods.");
        }
        series.put(p, d);
        out.costs.computeIfAbsent(name, x -> new TreeMap<>()).put(p, c);
        out.first = first;
        out.last = last;
        errors.goodRows++;
      }
      errors.throwIfAny(in.name());
      if (out.demand.isEmpty()) {
        throw new NothingUsable(in.name() + ": no demand rows.");
      }
    }
    return out;
  }

  /** True when the items file read last has setup_time or unit_capacity_use columns. */
  boolean itemsUseCapacity;

  Map<String, Item> readItems(Path path) {
    Map<String, Item> out = new TreeMap<>();
    Errors errors = new Errors();
    try (CsvInput in = CsvInput.open(path, separator, maxRows)) {
      int item = in.column("item");
      int setup = in.column("setup_cost");
      int holding = in.column("holding_cost");
      int setupTime = in.column("setup_time");
      int unitUse = in.column("unit_capacity_use");
      itemsUseCapacity = setupTime >= 0 || unitUse >= 0;
      if (item < 0 || setup < 0 || holding < 0) {
        throw new IllegalArgumentException(in.name() + " line 1: the header must have "
            + "item,setup_cost,holding_cost (and optionally setup_time,unit_capacity_use), in "
            + "any order.");
      }
      while (in.next()) {
        if (in.cells() != in.header().size()) {
          errors.add(in.where() + ": " + in.cells() + " cells, the header has "
              + in.header().size() + ".");
          continue;
        }
        String name = in.cell(item);
        long before = errors.count;
        Item it = new Item(number(in, setup, errors), number(in, holding, errors),
            setupTime >= 0 ? number(in, setupTime, errors) : 0,
            unitUse >= 0 ? number(in, unitUse, errors) : 1);
        if (name.isEmpty()) {
          errors.add(in.where(item) + ": item is empty.");
        } else if (errors.count == before) {
          if (out.size() >= PlanCommand.MAX_ITEMS && !out.containsKey(name)) {
            throw new IllegalArgumentException(in.where(item) + ": more than " + PlanCommand.MAX_ITEMS
                + " items; that is the limit of one plan.");
          }
          if (out.put(name, it) != null) {
            errors.add(in.where(item) + ": item " + PersonalData.excerpt(name) + " occurs twice.");
          } else {
            errors.goodRows++;
          }
        }
      }
      errors.throwIfAny(in.name());
    }
    return out;
  }
}
