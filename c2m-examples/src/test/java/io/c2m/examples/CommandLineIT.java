package io.c2m.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code c2m.jar} as a user would, in its own JVM: the README's demo command
 * works and bad arguments exit with a usage message, not a stack trace.
 */
class CommandLineIT {
  record Run(int code, String out, String err) {}

  private static Run c2m(String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target", "c2m.jar");
    assertTrue(Files.exists(jar), "package the jar first: " + jar.toAbsolutePath());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("c2m-out", ".txt");
    Path err = Files.createTempFile("c2m-err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "c2m " + String.join(" ", args) + " hung");
    Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  @Test
  void demoRunsEndToEnd() throws Exception {
    Run run = c2m("demo");
    assertEquals(0, run.code(), run.err());
    for (String section : List.of("1. Signals", "2. Niches found", "3. Designs", "4. Orders",
        "5. Production plan", "6. Forecast")) {
      assertTrue(run.out().contains(section), "missing section " + section);
    }
    assertTrue(run.out().contains("yes, exactly"), "no planted niche recovered exactly");
    // Issue 13: the last line sums it up for a business reader; progress (plain lines off a
    // terminal) goes to standard error, never to the output.
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(lines.size() - 1).startsWith("In short: from the behaviour of 5,000 "
        + "shoppers c2m found "), lines.get(lines.size() - 1));
    assertTrue(run.err().contains("ingest: 100% (") && run.err().contains("niches: 100% (1/1)")
        && run.err().contains("run 2/2 done"), run.err());
    assertFalse(run.out().contains("% ("), run.out());
  }

  @Test
  void exportedDemoEventsGiveTheSameNichesThroughTheEventReader() throws Exception {
    Path events = Files.createTempFile("c2m-events", ".jsonl");
    try {
      Run demo = c2m("demo", "--consumers", "3000", "--export-events", events.toString());
      assertEquals(0, demo.code(), demo.err());
      Run niches = c2m("niches", "--events", events.toString(), "--min-audience", "25");
      assertEquals(0, niches.code(), niches.err());
      assertTrue(niches.err().contains("0 rejected"), niches.err());
      for (String definition : List.of("{category=dress, color=sage, material=linen}",
          "{category=sneakers, color=white, style=minimal}")) {
        assertTrue(demo.out().contains(definition), "demo lacks " + definition);
        assertTrue(niches.out().contains(definition), "niches lacks " + definition);
      }
    } finally {
      Files.deleteIfExists(events);
    }
  }

  @Test
  void nichesPrintsJsonAndReportsUnknownEventsAndEventsWithoutAttributes() throws Exception {
    Path events = Files.createTempFile("c2m-events", ".jsonl");
    try {
      Run demo = c2m("demo", "--consumers", "3000", "--export-events", events.toString());
      assertEquals(0, demo.code(), demo.err());
      Files.writeString(events, "{\"type\":\"track\",\"event\":\"Product Teleported\","
          + "\"userId\":\"x\",\"timestamp\":\"2026-01-05T00:00:00Z\","
          + "\"properties\":{\"color\":\"red\"}}\n"
          + "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"y\","
          + "\"timestamp\":\"2026-01-05T00:00:00Z\",\"properties\":{\"price\":3}}\n",
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      Run niches = c2m("niches", "--events", events.toString(), "--min-audience", "25",
          "--json");
      assertEquals(0, niches.code(), niches.err());
      assertTrue(niches.err().contains("Product Teleported"), niches.err());
      assertTrue(niches.err().contains("1 rejected"), niches.err());
      assertTrue(niches.err().contains("1 without attribute data"), niches.err());
      JsonNode array = new ObjectMapper().readTree(niches.out()).get("data");
      assertTrue(array.isArray() && array.size() > 0, niches.out());
      boolean sage = false;
      for (JsonNode n : array) {
        assertTrue(n.get("definition").isObject(), n::toString);
        assertTrue(n.get("audience").asInt() >= 25, n::toString);
        assertTrue(n.get("lift").isNumber(), n::toString);
        assertTrue(n.get("trend").get("direction").isTextual(), n::toString);
        JsonNode d = n.get("definition");
        sage |= d.size() == 3 && "dress".equals(d.path("category").asText())
            && "sage".equals(d.path("color").asText())
            && "linen".equals(d.path("material").asText());
      }
      assertTrue(sage, niches.out());
    } finally {
      Files.deleteIfExists(events);
    }
  }

  @Test
  void nichesEvaluatePrintsPrecisionRecallAriAndDeterminismPerStrategy() throws Exception {
    Run run = c2m("niches", "--evaluate", "--consumers", "1600", "--seed", "3");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("precision") && run.out().contains("recall")
        && run.out().contains("ARI niches") && run.out().contains("deterministic"), run.out());
    for (String strategy : List.of("attribute-miner", "tribuo-kmeans", "tribuo-hdbscan")) {
      String line = run.out().lines().filter(l -> l.startsWith(strategy)).findFirst()
          .orElseThrow(() -> new AssertionError("no line for " + strategy + ":\n" + run.out()));
      assertTrue(line.contains(" yes "), line);
    }
    assertTrue(run.out().contains("ROC-AUC"), run.out());
    assertTrue(run.err().contains("evaluate: 100% (9/9)"), run.err());
  }

  @Test
  void badArgumentsExitTwoWithUsage() throws Exception {
    Run run = c2m("demo", "--consumers", "ten");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("Usage:"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }
}
