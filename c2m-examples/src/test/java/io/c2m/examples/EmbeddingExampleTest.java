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
  void exampleReleasesOneBatchAtTheMoqAndKeepsTheRestPending() {
    BatchPlan plan = EmbeddingExample.run();
    assertEquals(1, plan.batches().size());
    ProductionBatch batch = plan.batches().get(0);
    assertEquals(30, batch.orderedQuantity());        // released the moment 30 units are ordered
    assertEquals(30, batch.quantity());               // already a multiple of 10
    assertEquals(2, plan.pending().size());           // orders 31 and 32 wait for the next batch
    // Released on day 1 (the 30th order is placed at hour 29), ready on day 1 + 3 (lead time),
    // held until the promised day 21: 30 units x 17 days x 0.05.
    assertEquals(1, batch.period());
    assertEquals(4, batch.readyPeriod());
    assertEquals(200.0, plan.cost().setup(), 1e-9);
    assertEquals(12.0 * 30, plan.cost().unit(), 1e-9);
    assertEquals(30 * 17 * 0.05, plan.cost().holding(), 1e-9);
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
