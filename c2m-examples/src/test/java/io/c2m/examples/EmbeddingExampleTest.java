package io.c2m.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.c2m.production.BatchPlan;
import io.c2m.production.ProductionBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** The README's Java block of the Embedding section, as printed. */
  private static String readmeBlock() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Embedding");
    int from = readme.indexOf("```java\n", section) + "```java\n".length();
    return readme.substring(from, readme.indexOf("\n```", from) + 1);
  }

  /** What the README says the program prints (the plain block after "It prints:"). */
  private static String readmeOutput() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int at = readme.indexOf("It prints:", readme.indexOf("## Embedding"));
    int from = readme.indexOf("```\n", at) + 4;
    return readme.substring(from, readme.indexOf("```", from));
  }

  @Test
  void readmeShowsTheCompiledExample() throws IOException {
    String text = Files.readString(Path.of("src", "main", "java", "io", "c2m", "examples",
        "EmbeddingExample.java"));
    String snippet = text.substring(text.indexOf("// README:begin") + "// README:begin".length(),
        text.indexOf("// README:end")).strip();
    assertEquals(snippet + "\n", readmeBlock(),
        "README.md does not show EmbeddingExample.java (imports included) as one block");
  }

  @Test
  void theReadmeBlockCompilesAsPrintedAndPrintsWhatTheReadmeSays(@TempDir Path dir)
      throws Exception {
    Path source = dir.resolve("src").resolve("EmbeddingExample.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, readmeBlock()); // no package line: the default package
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-classpath", classPath, "-d", classes.toString(), "-Xlint:all", "-Werror"),
        null, javac.getStandardFileManager(null, null, null)
            .getJavaFileObjects(source.toFile())).call();
    assertTrue(ok, "the README's block does not compile as printed:\n" + diagnostics);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      loader.loadClass("EmbeddingExample").getMethod("main", String[].class)
          .invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(stdout);
    }
    assertEquals(readmeOutput(), printed.toString(StandardCharsets.UTF_8)
        .replace(System.lineSeparator(), "\n"));
  }
}
