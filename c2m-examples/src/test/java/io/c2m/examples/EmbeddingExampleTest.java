package io.c2m.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.production.BatchPlan;
import io.c2m.production.ProductionBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
  @Test
  void exampleReleasesOneBatchAtTheMoqAndSameDayOrdersJoinIt() {
    BatchPlan plan = EmbeddingExample.run();
    assertEquals(1, plan.batches().size());
    ProductionBatch batch = plan.batches().get(0);
    // released on day 1, when the 30th unit is ordered (hour 29); the orders of hours 30 and 31,
    // the same day, join the released batch (one setup) instead of waiting for a new campaign
    assertEquals(32, batch.orderedQuantity());
    assertEquals(40, batch.quantity());               // rounded up to the case of 10
    assertEquals(0, plan.pending().size());
    // Ready on day 1 + 3 (lead time), held until the promised day 21: 32 ordered units x 17 days
    // x 0.05 (the rounding surplus is not in the holding cost).
    assertEquals(1, batch.period());
    assertEquals(4, batch.readyPeriod());
    assertEquals(200.0, plan.cost().setup(), 1e-9);
    assertEquals(12.0 * 40, plan.cost().unit(), 1e-9);
    assertEquals(32 * 17 * 0.05, plan.cost().holding(), 1e-9);
  }

  @Test
  void readmeShowsTheCompiledExample() throws IOException {
    Path readme = Path.of("..", "README.md");
    Path source = Path.of("src", "main", "java", "io", "c2m", "examples",
        "EmbeddingExample.java");
    String text = Files.readString(source);
    String snippet = text.substring(text.indexOf("// README:begin") + "// README:begin".length(),
        text.indexOf("// README:end"));
    StringBuilder block = new StringBuilder();
    for (String line : snippet.substring(snippet.indexOf('\n') + 1).stripTrailing().split("\n")) {
      block.append(line.startsWith("    ") ? line.substring(4) : line).append('\n');
    }
    String readmeText = Files.readString(readme);
    assertTrue(readmeText.contains("```java\n" + block.toString().stripTrailing() + "\n```"),
        "README.md does not show the example of EmbeddingExample.java as one block");
  }
}
