package io.c2m.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading JSON event lines with {@link EventReader}, in lines per second, from UTF-8 bytes
 * ({@code readBytes}) and from characters ({@code readChars}). The baseline, {@code
 * jacksonTokens}, is Jackson's streaming parser reading every token of the same bytes in one
 * parser (no line splitting, no mapping): the floor of what reading JSON costs. {@code
 * readFileTwoParts} reads the same lines from a file in two parts on two threads. The input is
 * {@value #LINES} seeded lines, a mix of Segment and GA4 product, order and page events from
 * 5,000 users, about 250 bytes each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventReaderBenchmark {
  /** Lines per invocation. */
  public static final int LINES = 20_000;

  private static final String[] CATEGORIES = {"dress", "shirt", "shoes", "bag", "coat"};
  private static final String[] COLORS = {"sage", "white", "black", "navy", "rust", "sand"};
  private static final String[] SIZES = {"XS", "S", "M", "L", "XL"};

  private final JsonFactory factory = new JsonFactory();
  private final EventReader reader = EventReader.trustingIds();
  private byte[] bytes;
  private String text;
  private Path file;

  /** Creates the benchmark state; JMH instantiates it. */
  public EventReaderBenchmark() {}

  /**
   * Builds the seeded lines, and writes them to a temporary file for {@code readFileTwoParts}.
   *
   * @throws IOException if the file cannot be written
   */
  @Setup
  public void setUp() throws IOException {
    text = lines(LINES, 1);
    bytes = text.getBytes(StandardCharsets.UTF_8);
    file = Files.createTempFile("c2m-event-reader", ".jsonl");
    file.toFile().deleteOnExit();
    Files.write(file, bytes);
  }

  /**
   * Builds seeded event lines.
   *
   * @param count how many lines
   * @param seed the seed
   * @return the lines, each ended by a newline
   */
  public static String lines(int count, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(count * 420);
    long micros = 1_772_359_200_000_000L;
    for (int i = 0; i < count; i++) {
      String user = "u" + r.nextInt(5_000);
      String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
      String color = COLORS[r.nextInt(COLORS.length)];
      String size = SIZES[r.nextInt(SIZES.length)];
      double price = 10 + r.nextInt(9_000) / 100.0;
      micros += r.nextInt(5_000_000);
      switch (r.nextInt(4)) {
        case 0 -> sb.append("{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"")
            .append(user).append("\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{")
            .append("\"product_id\":\"p").append(r.nextInt(2_000))
            .append("\",\"name\":\"Linen dress\",\"category\":\"").append(category)
            .append("\",\"brand\":\"Acme\",\"price\":").append(price)
            .append(",\"color\":\"").append(color).append("\",\"size\":\"").append(size)
            .append("\",\"url\":\"https://shop.example/p/1\"}}");
        case 1 -> sb.append("{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"")
            .append(user).append("\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{")
            .append("\"order_id\":\"o").append(i).append("\",\"total\":").append(price * 2)
            .append(",\"products\":[{\"product_id\":\"p1\",\"category\":\"").append(category)
            .append("\",\"price\":").append(price).append(",\"color\":\"").append(color)
            .append("\"},{\"product_id\":\"p2\",\"category\":\"shirt\",\"price\":")
            .append(price).append(",\"size\":\"").append(size).append("\"}]}}");
        case 2 -> sb.append("{\"event_name\":\"add_to_cart\",\"user_pseudo_id\":\"")
            .append(user).append("\",\"event_timestamp\":").append(micros)
            .append(",\"event_params\":[{\"key\":\"page_location\",\"value\":{\"string_value\":")
            .append("\"https://shop.example/\"}}],\"items\":[{\"item_id\":\"SKU")
            .append(r.nextInt(2_000)).append("\",\"item_category\":\"").append(category)
            .append("\",\"item_brand\":\"Acme\",\"item_variant\":\"").append(color)
            .append("\",\"price\":").append(price).append(",\"quantity\":1}]}");
        default -> sb.append("{\"event_name\":\"page_view\",\"user_pseudo_id\":\"")
            .append(user).append("\",\"event_timestamp\":").append(micros)
            .append(",\"event_params\":[{\"key\":\"page_title\",\"value\":{\"string_value\":")
            .append("\"Home\"}}]}");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * The baseline: every token of the input with one Jackson parser.
   *
   * @param bh sinks the tokens
   * @return the number of root values
   * @throws IOException never (in-memory input)
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int jacksonTokens(Blackhole bh) throws IOException {
    int roots = JacksonTokens.read(factory.createParser(bytes), bh);
    return roots;
  }

  /**
   * Reads the lines from UTF-8 bytes.
   *
   * @param bh sinks the signals
   * @return the report
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public EventReport readBytes(Blackhole bh) {
    return reader.read(new ByteArrayInputStream(bytes), bh::consume);
  }

  /**
   * Reads the lines from a file in two parts on two threads ({@link EventReader#readParallel}),
   * each part counting its signals.
   *
   * @return the signals
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long readFileTwoParts() {
    long[][] counts = new long[2][1];
    EventReport report = reader.readParallel(file, 2, i -> s -> counts[i][0]++);
    if (report.read() != LINES) {
      throw new IllegalStateException("Lines lost: " + report);
    }
    return counts[0][0] + counts[1][0];
  }

  /**
   * Reads the lines from characters.
   *
   * @param bh sinks the signals
   * @return the report
   */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public EventReport readChars(Blackhole bh) {
    return reader.read(new StringReader(text), bh::consume);
  }
}
