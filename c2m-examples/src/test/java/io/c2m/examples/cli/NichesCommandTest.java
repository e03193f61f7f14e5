package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.c2m.Attributes;
import io.c2m.examples.demo.NicheEventLines;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.sim.PlantedNiche;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NichesCommandTest {
  private static final Attributes SAGE_DRESS =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");
  private static final Attributes WHITE_SNEAKERS =
      Attributes.of("category", "sneakers", "color", "white", "style", "minimal");

  @TempDir Path dir;

  private Path events(String... extraLines) throws IOException {
    MarketplaceSpec spec = MarketplaceSpec.fashion()
        .withNiches(List.of(new PlantedNiche(SAGE_DRESS, 80, 30),
            new PlantedNiche(WHITE_SNEAKERS, 70, 60)))
        .withConsumers(400);
    Path file = dir.resolve("events.jsonl");
    try (Writer w = Files.newBufferedWriter(file)) {
      NicheEventLines.write(spec, 5, w);
      for (String line : extraLines) {
        w.write(line);
        w.write('\n');
      }
    }
    return file;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheNichesOfAnEventFileAsJson() throws IOException {
    Path file = events();
    Run r = run("niches", "--events", file.toString(), "--min-audience", "20", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertTrue(array.isArray());
    List<Attributes> definitions = new ArrayList<>();
    for (JsonNode n : array) {
      Map<String, String> def = new TreeMap<>();
      n.get("definition").properties().forEach(e -> def.put(e.getKey(), e.getValue().asText()));
      definitions.add(Attributes.of(def));
      assertTrue(n.get("audience").asInt() >= 20);
      assertTrue(n.get("lift").asDouble() > 1);
      assertTrue(n.get("trend").get("direction").isTextual());
    }
    assertTrue(definitions.contains(SAGE_DRESS), definitions::toString);
    assertTrue(definitions.contains(WHITE_SNEAKERS), definitions::toString);
  }

  @Test
  void reportsBadLinesUnknownEventsAndEventsWithoutAttributesButKeepsGoing() throws IOException {
    Path file = events(
        "{\"type\":\"track\",\"event\":\"Product Teleported\",\"userId\":\"x\","
            + "\"timestamp\":\"2026-01-05T00:00:00Z\",\"properties\":{\"color\":\"red\"}}",
        "{not json",
        "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"x\","
            + "\"timestamp\":\"2026-01-05T00:00:00Z\",\"properties\":{\"price\":3}}");
    Run r = run("niches", "--events", file.toString(), "--min-audience", "20");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("Product Teleported"), r.err());
    assertTrue(r.err().matches("(?s).*line \\d+: The line is not well-formed JSON.*"), r.err());
    assertTrue(r.err().contains("2 rejected"), r.err());
    assertTrue(r.err().contains("1 without attribute data"), r.err());
    assertTrue(r.out().contains("category=dress, color=sage, material=linen"), r.out());
  }

  @Test
  void badArgumentsGiveAUsageMessageAndExitCode2() {
    Run none = run("niches");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("Give exactly one of --events"), none.err());
    assertTrue(none.err().contains("Usage:"), none.err());
    Run strategy = run("niches", "--events", "x.jsonl", "--strategy", "astrology");
    assertEquals(2, strategy.code());
    assertTrue(strategy.err().contains("attribute-miner"), strategy.err());
    Run missing = run("niches", "--events", dir.resolve("absent.jsonl").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("cannot read"), missing.err());
    assertEquals(2, run("niches", "--evaluate", "--min-audience", "0").code());
  }

  @Test
  void anEventCenturiesAwayIsARejectedLineWithItsNumberAndTheReadGoesOn() throws IOException {
    Path file = events("{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"x\","
        + "\"timestamp\":\"2199-01-05T00:00:00Z\",\"properties\":{\"category\":\"dress\"}}");
    long lines = Files.lines(file).count();
    Run r = run("niches", "--events", file.toString(), "--min-audience", "20");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line " + lines + ": "), r.err());
    assertTrue(r.err().contains("outside the accepted window"), r.err());
    assertTrue(r.err().contains("1 rejected"), r.err());
    assertTrue(r.out().contains("category=dress, color=sage, material=linen"), r.out());
  }

  @Test
  void anAsOfBeforeTheLastEventOrAbsurdlyAfterItIsAUsageError() throws IOException {
    Path file = events();
    Run before = run("niches", "--events", file.toString(), "--as-of", "1900-01-01T00:00:00Z");
    assertEquals(2, before.code(), before.err());
    assertTrue(before.err().contains("before the last event"), before.err());
    Run after = run("niches", "--events", file.toString(), "--as-of", "9999-01-01T00:00:00Z");
    assertEquals(2, after.code(), after.err());
    assertTrue(after.err().contains("half-lives"), after.err());
  }

  @Test
  void noNicheSaysWhy() throws IOException {
    Path file = events();
    Run tooFew = run("niches", "--events", file.toString(), "--min-audience", "1000");
    assertEquals(0, tooFew.code(), tooFew.err());
    assertTrue(tooFew.out().contains("fewer than the minimum audience (1,000)"), tooFew.out());
    // 400 consumers, planted niches of 80 and 70: none reaches 120.
    Run none = run("niches", "--events", file.toString(), "--min-audience", "120");
    assertEquals(0, none.code(), none.err());
    assertTrue(none.out().contains("found no attribute combination"), none.out());
  }

  @Test
  void evaluateRefusesOptionsItWouldIgnore() {
    for (String[] extra : List.of(new String[] {"--strategy", "tribuo-kmeans"},
        new String[] {"--setting", "clusters=8"}, new String[] {"--json"})) {
      List<String> args = new ArrayList<>(List.of("niches", "--evaluate"));
      args.addAll(List.of(extra));
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("does not apply to --evaluate"), r.err());
    }
  }

  @Test
  void evaluatePrintsQualityFiguresForEveryStrategy() {
    Run r = run("niches", "--evaluate", "--consumers", "1600", "--seed", "3");
    assertEquals(0, r.code(), r.err());
    for (String s : List.of("attribute-miner", "tribuo-kmeans", "tribuo-hdbscan", "ROC-AUC")) {
      assertTrue(r.out().contains(s), r.out());
    }
    assertTrue(r.out().contains("ARI niches") && r.out().contains("deterministic"), r.out());
    assertTrue(r.out().lines().filter(l -> l.startsWith("tribuo-"))
        .allMatch(l -> l.contains(" yes ")), r.out());
  }
}
