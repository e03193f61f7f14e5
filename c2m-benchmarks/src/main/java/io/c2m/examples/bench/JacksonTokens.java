package io.c2m.examples.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmarks' Jackson baseline: every token of the input, with one streaming parser. */
final class JacksonTokens {
  private JacksonTokens() {}

  /**
   * Reads every token, sinking each scalar's text.
   *
   * @param p the parser, closed when done
   * @param bh sinks the tokens' text
   * @return the number of root values
   * @throws IOException if the parser fails
   */
  static int read(JsonParser p, Blackhole bh) throws IOException {
    int roots = 0;
    try (p) {
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd() && --depth == 0) {
          roots++;
        } else if (t.isScalarValue()) {
          bh.consume(p.getText());
        }
      }
    }
    return roots;
  }
}
