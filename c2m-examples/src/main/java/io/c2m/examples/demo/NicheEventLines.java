package io.c2m.examples.demo;

import io.c2m.signal.Signal;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.Population;
import io.c2m.sim.SyntheticMarketplace;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a synthetic marketplace's signals as Segment e-commerce JSON lines, the input of
 * {@code c2m niches --events} and of the "JSON lines to profiles" benchmark. Likes are written as
 * wishlist adds (Segment has no like event), so they come back with the wishlist weight.
 */
public final class NicheEventLines {
  private NicheEventLines() {}

  /**
   * Writes the population's signals.
   *
   * @param spec the marketplace
   * @param seed the seed
   * @param out where to write
   * @return how many lines were written
   * @throws IOException if writing fails
   */
  public static long write(MarketplaceSpec spec, long seed, Writer out) throws IOException {
    Population population = SyntheticMarketplace.generate(spec, seed);
    long lines = 0;
    StringBuilder sb = new StringBuilder(256);
    for (Signal s : population.signals()) {
      sb.setLength(0);
      line(s, sb);
      out.write(sb.toString());
      out.write('\n');
      lines++;
    }
    return lines;
  }

  /**
   * Appends one signal as a Segment line (without the newline).
   *
   * @param s the signal
   * @param sb where to append
   */
  public static void line(Signal s, StringBuilder sb) {
    String event;
    boolean order = false;
    switch (s.type()) {
      case VIEW -> event = "Product Viewed";
      case LIKE, WISHLIST -> event = "Product Added to Wishlist";
      case SHARE -> event = "Product Shared";
      case CART_ADD -> event = "Product Added";
      case CART_REMOVE -> event = "Product Removed";
      case PURCHASE -> {
        event = "Order Completed";
        order = true;
      }
      case RETURN -> {
        event = "Order Refunded";
        order = true;
      }
      default -> event = "Product Viewed";
    }
    sb.append("{\"type\":\"track\",\"event\":\"").append(event).append("\",\"userId\":\"")
        .append(s.consumer().value()).append("\",\"timestamp\":\"").append(s.at())
        .append("\",\"properties\":{");
    if (order) {
      sb.append("\"products\":[{");
      product(s, sb);
      sb.append("}]");
    } else {
      product(s, sb);
    }
    sb.append("}}");
  }

  private static void product(Signal s, StringBuilder sb) {
    boolean first = true;
    for (Map.Entry<String, String> e : s.item().values().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
    }
    if (!Double.isNaN(s.value())) {
      sb.append(",\"price\":").append(String.format(Locale.ROOT, "%.2f", s.value()));
    }
  }
}
