package io.c2m.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.c2m.signal.Signal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The reader cuts bytes into lines where the newlines are, wherever they fall in the eight-byte
 * words that the line scan reads: lines of every length from 0 up, padded with spaces and tabs
 * (JSON whitespace) and separated by {@code \n} or {@code \r\n}, are each read as one event, in
 * order, and blank lines are skipped.
 */
class LineSplitProperties {
  private static final String TS = "\"timestamp\":\"2026-03-01T10:00:00Z\"";

  @Property(tries = 200)
  void everyLineIsFoundWhereverItsNewlineFalls(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 23) Integer> pads,
      @ForAll @IntRange(min = 1, max = 64) int bufferHint) {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    int blanks = 0;
    for (int i = 0; i < pads.size(); i++) {
      int pad = pads.get(i);
      String space = " \t".repeat(pad / 2) + (pad % 2 == 1 ? " " : "");
      if (pad % 5 == 4) {
        text.append(space); // a blank line of that length
        blanks++;
      } else {
        String user = "u" + i;
        expected.add(user);
        text.append(space).append("{\"event\":\"Product Viewed\",\"userId\":\"").append(user)
            .append("\",").append(TS).append('}').append(space);
      }
      if (i < pads.size() - 1 || bufferHint % 2 == 0) {
        text.append(bufferHint % 3 == 0 ? "\r\n" : "\n");
      }
    }
    List<String> users = new ArrayList<>();
    EventReport report = EventReader.trustingIds().read(
        new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
        (Signal s) -> users.add(s.consumer().value()));
    assertEquals(expected, users);
    assertEquals(expected.size(), report.accepted());
    assertEquals(expected.size() + blanks, report.read());
    assertEquals(0, report.rejected());
  }
}
