package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code c2m forecast} refuses bad files and options with usage errors that name the place. */
class ForecastCommandInputChecksTest {
  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private String write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  private static void noStackTrace(Run r) {
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
  }

  @Test
  void singleSeriesTrainAndTestFilesArePairedWhateverTheirNames() throws Exception {
    String train = write("sales.csv", "t,value\n1,10\n2,12\n3,14\n");
    String test = write("next.csv", "t,value\n4,16\n5,16\n");
    Run r = run("forecast", "--evaluate", "--series", train, "--test", test, "--method",
        "naive", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode row = new ObjectMapper().readTree(r.out()).get("data").get(0);
    assertEquals(1, row.get("forecasts").asInt());
    // Naive forecasts 14 for 16 twice: sMAPE 200 * 2 / 30.
    assertEquals(200.0 * 2 / 30, row.get("smape").asDouble(), 1e-9);
  }

  @Test
  void testPeriodsMustStartRightAfterTrainingAndBeConsecutive() throws Exception {
    String train = write("train.csv", "series_id,t,value\nA,1,10\nA,2,12\nB,1,3\nB,2,4\n");
    String test = write("test.csv", "series_id,t,value\nA,2,13\nB,3,5\nB,5,6\n");
    Run r = run("forecast", "--evaluate", "--series", train, "--test", test, "--method",
        "naive");
    assertEquals(1, r.code(), r.err());
    // A overlaps its training data: reported with the test line.
    assertTrue(r.err().contains("line 2") && r.err().contains("series A starts at period 2")
        && r.err().contains("must start at period 3"), r.err());
    // B has a gap between 3 and 5, on line 4.
    assertTrue(r.err().contains("series B") && r.err().contains("line 4 has period 5"),
        r.err());
    noStackTrace(r);
  }

  @Test
  void orphanTestSeriesAreReported() throws Exception {
    String train = write("train.csv", "series_id,t,value\nA,1,10\nA,2,12\n");
    String test = write("test.csv", "series_id,t,value\nA,3,13\nZ,3,5\n");
    Run r = run("forecast", "--evaluate", "--series", train, "--test", test, "--method",
        "naive");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("test series Z has no training series"), r.err());
  }

  @Test
  void hugeHorizonIsAUsageErrorNotOutOfMemory() throws Exception {
    String s = write("s.csv", "t,value\n1,10\n2,12\n");
    Run r = run("forecast", "--series", s, "--horizon", "99999999");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--horizon") && r.err().contains("10000"), r.err());
    noStackTrace(r);
  }

  @Test
  void seasonalMethodWithoutSeasonIsAUsageError() throws Exception {
    String s = write("s.csv", "t,value\n1,10\n2,12\n3,11\n4,13\n");
    Run eval = run("forecast", "--evaluate", "--holdout", "2", "--series", s, "--method",
        "holt-winters-multiplicative");
    assertEquals(2, eval.code(), eval.err());
    assertTrue(eval.err().contains("--season"), eval.err());
    Run fc = run("forecast", "--horizon", "2", "--series", s, "--method",
        "holt-winters-additive", "--season", "1");
    assertEquals(2, fc.code(), fc.err());
  }

  @Test
  void methodFailingOnEveryHoldoutExitsNonZeroWithItsReason() throws Exception {
    // Zero demand: the multiplicative season refuses every holdout.
    String s = write("s.csv", "t,value\n1,0\n2,0\n3,0\n4,0\n5,0\n6,0\n7,0\n8,0\n9,0\n10,0\n");
    Run r = run("forecast", "--evaluate", "--holdout", "2", "--series", s, "--method",
        "holt-winters-multiplicative", "--season", "2", "--json");
    assertEquals(1, r.code(), r.err());
    JsonNode row = new ObjectMapper().readTree(r.out()).get("data").get(0);
    assertEquals(0, row.get("forecasts").asInt());
    assertEquals(1, row.get("failures").asInt());
    assertTrue(row.get("failureReasons").get(0).asText().contains("strictly positive"),
        row.toString());
    assertTrue(r.err().contains("failed on every holdout"), r.err());
  }

  @Test
  void badValueIsReportedWithItsLineAndPeriod() throws Exception {
    String s = write("s.csv", "series_id,t,value\nA,7,10\nA,8,-3\nB,1,2\n");
    Run r = run("forecast", "--series", s, "--horizon", "1", "--method", "naive");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("s.csv line 3") && r.err().contains("series A at t=8"),
        r.err());
    assertTrue(r.out().contains("B"), r.out());
  }

  @Test
  void unreadableFilesAreReportedWithTheirPath() throws Exception {
    Path bin = dir.resolve("latin1.csv");
    Files.write(bin, new byte[] {'t', ',', 'v', 'a', 'l', 'u', 'e', '\n', '1', ',', (byte) 0xE9,
        '\n'});
    Run bad = run("forecast", "--series", bin.toString(), "--horizon", "1");
    assertEquals(1, bad.code(), bad.err());
    assertTrue(bad.err().contains(bin.toString()) && bad.err().contains("UTF-8"), bad.err());
    Run directory = run("forecast", "--series", dir.toString(), "--horizon", "1");
    assertEquals(1, directory.code(), directory.err());
    assertTrue(directory.err().contains(dir.toString())
        && directory.err().contains("directory"), directory.err());
  }

  @Test
  void leadingByteOrderMarkIsIgnored() throws Exception {
    String s = write("bom.csv", "\uFEFFt,value\n1,10\n2,12\n");
    Run r = run("forecast", "--series", s, "--horizon", "1", "--method", "naive");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void optionsThatDoNotApplyAreRefused() throws Exception {
    String s = write("s.csv", "t,value\n1,10\n2,12\n3,11\n");
    for (String[] extra : new String[][] {{"--test", s}, {"--holdout", "1"},
        {"--origins", "2"}}) {
      String[] args = new String[] {"forecast", "--series", s, "--horizon", "1", extra[0],
          extra[1]};
      Run r = run(args);
      assertEquals(2, r.code(), extra[0] + ": " + r.err());
      assertTrue(r.err().contains(extra[0]), r.err());
    }
    Run horizon = run("forecast", "--evaluate", "--holdout", "1", "--horizon", "3", "--series",
        s);
    assertEquals(2, horizon.code(), horizon.err());
    assertTrue(horizon.err().contains("--horizon"), horizon.err());
    Run season = run("forecast", "--series", s, "--horizon", "1", "--method", "croston",
        "--season", "4");
    assertEquals(2, season.code(), season.err());
    assertTrue(season.err().contains("--season") && season.err().contains("croston"),
        season.err());
  }

  @Test
  void autoShowsTheChosenModelInTableAndJson() throws Exception {
    String s = write("s.csv", "t,value\n1,0\n2,0\n3,5\n4,0\n5,0\n6,3\n7,0\n8,0\n9,4\n");
    Run json = run("forecast", "--series", s, "--horizon", "1", "--json");
    assertEquals(0, json.code(), json.err());
    JsonNode row = new ObjectMapper().readTree(json.out()).get("data").get(0);
    assertEquals("auto", row.get("method").asText());
    String model = row.get("model").asText();
    // Intermittent (one demand in three periods): one of the intermittent methods.
    assertTrue(model.equals("croston") || model.equals("sba") || model.equals("tsb"), model);
    assertEquals(model, row.get("provenance").get("settings").get("chosen").asText());
    Run table = run("forecast", "--series", s, "--horizon", "1");
    assertTrue(table.out().contains("model") && table.out().contains(model), table.out());
  }
}
