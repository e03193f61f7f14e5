package io.c2m.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderLifecycleExampleTest {
  @Test
  void everyOrderIsDeliveredAndSurvivesTheRestart(@TempDir Path dir) {
    List<String> seen = OrderLifecycleExample.run(dir);
    // 3 acceptances into the campaign, then release, production, shipment, delivery of each
    assertEquals(3 + 3 * 4 + 3, seen.size(), seen.toString());
    assertEquals("o0 IN_CAMPAIGN->IN_CAMPAIGN", seen.get(0));
    assertTrue(seen.contains("o2 SHIPPED->DELIVERED"), seen.toString());
    assertEquals(List.of("o0 is DELIVERED", "o1 is DELIVERED", "o2 is DELIVERED"),
        seen.subList(seen.size() - 3, seen.size()));
  }

  @Test
  void theReadmeShowsTheExample() throws IOException {
    String text = Files.readString(
        Path.of("src/main/java/io/c2m/examples/OrderLifecycleExample.java"));
    String snippet = text.substring(text.indexOf("// README:begin") + "// README:begin".length(),
        text.indexOf("// README:end"));
    StringBuilder block = new StringBuilder();
    for (String line : snippet.strip().split("\n")) {
      block.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
    }
    String readme = Files.readString(Path.of("..", "README.md"));
    assertTrue(readme.contains("```java\n" + block.toString().stripTrailing() + "\n```"),
        "README.md does not show the example of OrderLifecycleExample.java as one block");
  }
}
