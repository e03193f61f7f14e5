package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 on {@code c2m niches}: one absurd line never spoils the others, exit codes say
 * whether anything usable came out, nothing personal or a terminal escape is printed, the
 * audience floor and consent hold.
 */
class NichesCommandIssue11Test {
  private static final String NOW = "2026-03-10T00:00:00Z";
  private static final Attributes SAGE_DRESS =
      Attributes.of("category", "dress", "color", "sage", "material", "linen");

  @TempDir Path dir;

  private Path events(boolean planted, String... extra) throws IOException {
    Path file = dir.resolve("events.jsonl");
    try (Writer w = Files.newBufferedWriter(file)) {
      for (String line : extra) {
        w.write(line);
        w.write('\n');
      }
      if (planted) {
        NicheEventLines.write(MarketplaceSpec.fashion()
            .withNiches(List.of(new PlantedNiche(SAGE_DRESS, 80, 30))).withConsumers(300), 5, w);
      }
    }
    return file;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--now");
    all.add(NOW);
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err),
        all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static String line(String user, String timestamp, String properties) {
    return "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"" + user
        + "\",\"timestamp\":\"" + timestamp + "\",\"properties\":" + properties + "}";
  }

  @Test
  void aFirstEventFrom1940NoLongerAnchorsTheEpochAndRejectsEverythingElse() throws IOException {
    Path file = events(true, line("old", "1940-01-01T00:00:00Z", "{\"category\":\"dress\"}"));
    Run r = run("niches", "--events", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line 1: "), r.err());
    assertTrue(r.err().contains(", 1 rejected"), r.err());
    assertTrue(r.out().contains("category=dress, color=sage, material=linen"), r.out());
  }

  @Test
  void anEventAYearAheadOrBeyondYear9999IsRefusedAtItsLine() throws IOException {
    Path file = events(true,
        line("future", "2027-03-01T00:00:00Z", "{\"category\":\"dress\"}"),
        line("far", "+999999999-01-01T00:00:00Z", "{\"category\":\"dress\"}"));
    Run r = run("niches", "--events", file.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("line 1: "), r.err());
    assertTrue(r.err().contains("line 2: "), r.err());
    assertTrue(r.err().contains(", 2 rejected"), r.err());
    assertFalse(r.err().contains("overflow"), r.err());
    // The trend ends at the last real event, not a year later: the niche is not flattened.
    assertTrue(r.out().contains("\"color\" : \"sage\""), r.out());
  }

  @Test
  void everyLineRejectedIsADistinctExitCode() throws IOException {
    Path file = events(false, "{not json", line("u", "yesterday", "{\"category\":\"x\"}"));
    Run r = run("niches", "--events", file.toString());
    assertEquals(NichesCommand.EXIT_NOTHING_USABLE, r.code(), r.err());
    assertTrue(r.err().contains("no usable line"), r.err());
  }

  @Test
  void aMinimumAudienceBelowTheFloorNeedsTheSyntheticDataOptIn() throws IOException {
    Path file = events(true);
    Run refused = run("niches", "--events", file.toString(), "--min-audience", "1");
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("--synthetic-data"), refused.err());
    Run allowed = run("niches", "--events", file.toString(), "--min-audience", "1",
        "--synthetic-data");
    assertEquals(0, allowed.code(), allowed.err());
  }

  @Test
  void terminalEscapesAndPersonalDataFromTheInputAreNeverPrinted() throws IOException {
    Path file = events(true,
        "{\"type\":\"track\",\"event\":\"\u001b]0;owned\u0007\u001b[2J\",\"userId\":\"u\","
            + "\"timestamp\":\"2026-03-01T00:00:00Z\"}",
        "{\"type\":\"track\",\"event\":\"call jane.doe@example.com\",\"userId\":\"u\","
            + "\"timestamp\":\"2026-03-01T00:00:00Z\"}",
        line("u", "+44 20 7946 0958", "{\"category\":\"dress\"}"));
    // 40 consumers whose products carry their e-mail and phone as custom properties.
    List<String> personal = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      personal.add(line("p" + i, "2026-03-01T00:00:00Z", "{\"category\":\"hat\",\"color\":"
          + "\"red\",\"email\":\"p" + i + "@example.com\",\"contact\":\"+1 555 010 " + (1000 + i)
          + "\",\"owner\":\"p" + i + "@example.com\"}"));
    }
    Files.write(file, personal, java.nio.file.StandardOpenOption.APPEND);
    for (String json : new String[] {"--json", "--min-audience=20"}) {
      Run r = run("niches", "--events", file.toString(), json);
      assertEquals(0, r.code(), r.err());
      for (String text : List.of(r.out(), r.err())) {
        assertFalse(text.contains("\u001b"), text);
        assertFalse(text.contains("\u0007"), text);
        assertFalse(text.contains("@"), text);
        assertFalse(text.contains("555"), text);
        assertFalse(text.contains("7946"), text);
      }
      assertTrue(r.out().contains("sage"), r.out());
    }
  }

  @Test
  void anEventWhoseConsentIsDeniedIsNotProfiled() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add("{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"c" + i
          + "\",\"context\":{\"consent\":{\"categoryPreferences\":{\"Analytics\":false,"
          + "\"Advertising\":false}}},\"timestamp\":\"2026-03-01T00:00:00Z\",\"properties\":"
          + "{\"category\":\"hat\",\"color\":\"red\"}}");
    }
    Path file = events(false, lines.toArray(String[]::new));
    Run r = run("niches", "--events", file.toString(), "--min-audience", "5");
    assertEquals(NichesCommand.EXIT_NOTHING_USABLE, r.code(), r.err());
    assertTrue(r.err().contains("30 skipped"), r.err());
    Run granted = run("niches", "--events",
        Files.writeString(dir.resolve("g.jsonl"), String.join("\n", lines).replace("false",
            "true")).toString(), "--min-audience", "5");
    assertEquals(0, granted.code(), granted.err());
    assertTrue(granted.out().contains("hat"), granted.out());
  }

  @Test
  void theManufacturerExportHasCoarsenedAudiencesAndNoConsumerId() throws IOException {
    Path file = events(true);
    Path key = Files.writeString(dir.resolve("secret"), "a marketplace secret of 32 bytes");
    Run r = run("niches", "--events", file.toString(), "--insights", key.toString());
    assertEquals(0, r.code(), r.err());
    com.fasterxml.jackson.databind.JsonNode array =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertTrue(array.size() > 0, r.out());
    for (com.fasterxml.jackson.databind.JsonNode n : array) {
      assertEquals(0, n.get("audience").asInt() % n.get("audienceBand").asInt(), n.toString());
      assertTrue(n.get("audience").asInt() >= 20, n.toString());
    }
    assertFalse(r.out().contains("\"c-") || r.out().contains("consumer"), r.out());
    assertEquals(r.out(), run("niches", "--events", file.toString(), "--insights",
        key.toString()).out(), "the same members give the same figures");
  }

  @Test
  void badPseudonymisationOptionsAreUsageErrors() throws IOException {
    Path file = events(true);
    assertEquals(2, run("niches", "--events", file.toString(), "--pseudonymize", "maybe").code());
    Path shortKey = Files.writeString(dir.resolve("key"), "short");
    assertEquals(2, run("niches", "--events", file.toString(), "--pseudonym-key-file",
        shortKey.toString()).code());
    Path key = Files.writeString(dir.resolve("key2"), "0123456789abcdef0123");
    assertEquals(0, run("niches", "--events", file.toString(), "--pseudonym-key-file",
        key.toString(), "--pseudonymize", "always").code());
  }
}
