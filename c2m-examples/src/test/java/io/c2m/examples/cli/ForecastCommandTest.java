package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ForecastCommandTest {
  private static String file(String name) throws URISyntaxException {
    return Path.of(ForecastCommandTest.class.getResource("/forecast/" + name).toURI()).toString();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void forecastsASingleSeriesAsJson() throws Exception {
    Run r = run("forecast", "--series", file("single.csv"), "--horizon", "3", "--method",
        "naive", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(1, json.size());
    assertEquals("single", json.get(0).get("series_id").asText());
    assertEquals("naive", json.get(0).get("method").asText());
    JsonNode points = json.get(0).get("points");
    assertEquals(3, points.size());
    // Naive: the last value, 112, at every step.
    assertEquals(112, points.get(2).get("mean").asDouble(), 1e-9);
    assertTrue(points.get(2).get("p10").asDouble() < 112);
  }

  @Test
  void reportsBadSeriesAndLinesAndForecastsTheRest() throws Exception {
    Run r = run("forecast", "--series", file("mixed.csv"), "--horizon", "2", "--json");
    assertEquals(1, r.code());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(2, json.size(), r.out());
    assertEquals("A", json.get(0).get("series_id").asText());
    // E's lines are out of order in the file, which is allowed.
    assertEquals("E", json.get(1).get("series_id").asText());
    assertTrue(r.err().contains("series B at t=2"), r.err());
    assertTrue(r.err().contains("line 12") && r.err().contains("\"x\""), r.err());
    assertTrue(r.err().contains("series D") && r.err().contains("gaps"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void evaluatesEveryMethodOnATestFile() throws Exception {
    Run r = run("forecast", "--evaluate", "--series", file("train.csv"), "--test",
        file("test.csv"), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode naive = null;
    for (JsonNode row : json) {
      assertTrue(row.has("sMAPE") && row.has("MASE") && row.has("coverage"), row.toString());
      if (row.get("method").asText().equals("naive")) {
        naive = row;
      }
    }
    assertTrue(json.size() >= 9, r.out());
    // Naive by hand: A forecasts 27 for 28, 28; E forecasts 5 for 6, 6.
    double smapeA = 200.0 / 55;
    double smapeE = 200.0 / 11;
    assertEquals((smapeA + smapeE) / 2, naive.get("sMAPE").asDouble(), 1e-9);
    // MASE scales: A's lag-1 differences 2,1,2,1,1,2,1,1,2 (13/9); E's 0,1,1,1,1,1,1 (6/7).
    // Both mean absolute errors are 1.
    assertEquals((9.0 / 13 + 7.0 / 6) / 2, naive.get("MASE").asDouble(), 1e-9);
    // Issue 12: coverage and MSIS of the conformal 80% and 95% intervals, per method.
    for (JsonNode row : json) {
      for (String level : new String[] {"80", "95"}) {
        JsonNode iv = row.get("intervals").get(level);
        assertTrue(iv.has("coverage") && iv.has("MSIS"), row.toString());
      }
    }
    JsonNode n80 = naive.get("intervals").get("80");
    JsonNode n95 = naive.get("intervals").get("95");
    assertTrue(n80.get("coverage").asDouble() <= n95.get("coverage").asDouble(), r.out());
    assertTrue(n95.get("MSIS").asDouble() > 0, r.out());
  }

  @Test
  void rollingOriginsMultiplyTheHoldouts() throws Exception {
    Run r = run("forecast", "--evaluate", "--series", file("train.csv"), "--holdout", "1",
        "--origins", "3", "--method", "naive", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode row = new ObjectMapper().readTree(r.out()).get(0);
    assertEquals(6, row.get("holdouts").asInt());
    // Naive one step ahead from the last three origins. A (..., 25, 26, 25, 27): 25 for 26,
    // 26 for 25, 25 for 27.
    double a = (200.0 * 1 / 51 + 200.0 * 1 / 51 + 200.0 * 2 / 52) / 3;
    // E: 6->5, 5->6, 6->5: each 200/11.
    double e = 200.0 / 11;
    assertEquals((a + e) / 2, row.get("sMAPE").asDouble(), 1e-9);
  }

  @Test
  void badArgumentsGiveUsageAndExitCode2() throws Exception {
    Run noHorizon = run("forecast", "--series", file("single.csv"));
    assertEquals(2, noHorizon.code());
    assertTrue(noHorizon.err().contains("--horizon") && noHorizon.err().contains("Usage"));
    Run unknown = run("forecast", "--series", file("single.csv"), "--horizon", "2", "--method",
        "prophet");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("prophet"), unknown.err());
    Run missing = run("forecast", "--series", "/no/such/file.csv", "--horizon", "2");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
    Run tooShort = run("forecast", "--series", file("single.csv"), "--horizon", "2",
        "--method", "holt-winters-additive", "--season", "6");
    assertEquals(1, tooShort.code());
    assertTrue(tooShort.err().contains("series single") && tooShort.err().contains("too short"),
        tooShort.err());
  }
}
