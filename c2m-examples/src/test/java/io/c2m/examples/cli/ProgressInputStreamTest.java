package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 part 6: a big ingest reports the bytes read, every mebibyte and at the end. */
class ProgressInputStreamTest {
  @Test
  void reportsEveryMebibyteAndTheEnd() throws IOException {
    int size = 3 * (1 << 20) + 5;
    List<String> heard = new ArrayList<>();
    try (InputStream in = new ProgressInputStream(new ByteArrayInputStream(new byte[size]), size,
        (task, done, total) -> heard.add(task + " " + done + "/" + total))) {
      byte[] buf = new byte[64 * 1024];
      while (in.read(buf) >= 0) {
        // read to the end
      }
    }
    assertEquals(List.of("read (bytes) 1048576/3145733", "read (bytes) 2097152/3145733",
        "read (bytes) 3145728/3145733", "read (bytes) 3145733/3145733"), heard);
  }
}
