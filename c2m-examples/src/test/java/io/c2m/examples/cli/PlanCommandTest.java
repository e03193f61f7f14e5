package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code c2m plan} end to end (issue 3). */
class PlanCommandTest {
  @TempDir
  Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static final String WW1958 = """
      period,demand,setup_cost
      1,69,85
      2,29,102
      3,36,102
      4,61,101
      5,61,98
      6,26,114
      7,34,105
      8,67,86
      9,45,119
      10,67,110
      11,79,98
      12,56,114
      """;

  /** Wagner and Whitin (1958): per-period setup costs from the file, optimum 864. */
  @Test
  void reproducesTheWagnerWhitin1958ExampleAsJson() throws IOException {
    Path f = file("ww.csv", WW1958);
    Result r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "0",
        "--holding-cost", "1", "--json", f.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertEquals(864, n.get("totalCost").asDouble(), 1e-9);
    assertEquals(n.get("totalCost").asDouble(), n.get("setupCost").asDouble()
        + n.get("holdingCost").asDouble() + n.get("unitCost").asDouble(), 1e-9);
    JsonNode prod = n.get("items").get(0).get("production");
    long total = 0;
    for (JsonNode x : prod) {
      total += x.asLong();
    }
    assertEquals(69 + 29 + 36 + 61 + 61 + 26 + 34 + 67 + 45 + 67 + 79 + 56, total);
    assertEquals(12, prod.size());
    assertEquals(1, n.get("periods").get(0).asInt());
  }

  /** Issue 12 part 6: --forecast sizes top-ups from the file's history, profit beside. */
  @Test
  void forecastTopUpsAreReportedWithTheirExpectedProfit() throws IOException {
    Path f = file("ww.csv", WW1958);
    Result r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "0",
        "--holding-cost", "1", "--unit-cost", "4", "--forecast", "auto", "--price", "10",
        "--salvage", "1", "--json", f.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertEquals(864 + 4 * 630, n.get("committedOnly").get("totalCost").asDouble(), 1e-9);
    JsonNode tu = n.get("forecastTopUps");
    assertEquals("auto", tu.get("method").asText());
    double sum = 0;
    int units = 0;
    for (JsonNode b : tu.get("batches")) {
      sum += b.get("expectedProfit").asDouble();
      units += b.get("units").asInt();
    }
    assertEquals(tu.get("expectedProfit").asDouble(), sum, 1e-9);
    assertTrue(units > 0, r.out());
    assertTrue(sum > 0, "critical fractile 6/9 on a positive forecast: " + r.out());
    Result text = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "0",
        "--holding-cost", "1", "--unit-cost", "4", "--forecast", "auto", "--price", "10",
        "--salvage", "1", f.toString());
    assertTrue(text.out().contains("committed-only plan: total cost"), text.out());
    assertTrue(text.out().contains("expected top-up profit"), text.out());
    Result missing = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "0",
        "--holding-cost", "1", "--forecast", "auto", f.toString());
    assertEquals(2, missing.code(), missing.err());
  }

  @Test
  void printsProductionStockAndTheCostSplit() throws IOException {
    Path f = file("d.csv", "period,demand\n1,10\n2,10\n");
    // setup 100 > holding 10 x 1: one batch of 20 in period 1, 10 units held one period
    Result r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "100",
        "--holding-cost", "1", "--unit-cost", "2", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("total cost 150.0000 = setup 100.0000 + holding 10.0000 + unit "
        + "40.0000"), r.out());
  }

  @Test
  void severalItemsShareACapacitatedLine() throws IOException {
    Path f = file("m.csv", "item,period,demand\na,1,5\na,2,5\nb,1,5\nb,2,5\n");
    Path items = file("i.csv", "item,setup_cost,holding_cost,setup_time,unit_capacity_use\n"
        + "a,10,1,0,1\nb,10,1,0,1\n");
    Result r = run("plan", "--strategy", "wagner-whitin", "--items", items.toString(),
        "--capacity", "100", "--json", f.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    // per item: one setup (10) and 5 units held one period (5) beats two setups (20)
    assertEquals(30, n.get("totalCost").asDouble(), 1e-9);
    assertEquals(2, n.get("items").size());
  }

  /**
   * Two items, capacity 16, setup cost 100, holding 1; demand 5 then 10 each. Period 2 needs 20
   * units, so at least 4 are made in period 1 (10 units of its own demand leave room for 6); with
   * one setup per item per period, whoever is not set up in period 2 needs 10 more units in period
   * 1, which exceeds 16: both items are set up in both periods (400) and 4 units are held (4).
   */
  @Test
  void capacitatedSplitsPeriodDemandWhenOrdersMaySplit() throws IOException {
    Path f = file("c.csv", "item,period,demand\na,1,5\na,2,10\nb,1,5\nb,2,10\n");
    Path items = file("ci.csv", "item,setup_cost,holding_cost\na,100,1\nb,100,1\n");
    Result r = run("plan", "--strategy", "capacitated", "--items", items.toString(),
        "--capacity", "16", "--order-size", "1", "--json", f.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertEquals(404, n.get("totalCost").asDouble(), 1e-9);
    // whole period orders cannot be split: infeasible, said clearly, non-zero exit
    Result whole = run("plan", "--strategy", "capacitated", "--items", items.toString(),
        "--capacity", "16", f.toString());
    assertTrue(whole.code() != 0);
    assertTrue(whole.err().contains("infeasible"), whole.err());
  }

  @Test
  void badFilesNameTheLine() throws IOException {
    Path f = file("bad.csv", "period,demand\n1,5\n2,-3\n3,x\n1,4\n");
    Result r = run("plan", "--strategy", "deadline", "--setup-cost", "1", "--holding-cost", "1",
        f.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("line 3") && r.err().contains("must not be negative"), r.err());
    assertTrue(r.err().contains("line 4") && r.err().contains("not a whole number"), r.err());
    assertTrue(r.err().contains("line 5") && r.err().contains("occurs twice"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    Path g = file("nocol.csv", "period,qty\n1,5\n");
    Result r2 = run("plan", "--strategy", "deadline", "--setup-cost", "1", "--holding-cost",
        "1", g.toString());
    assertEquals(1, r2.code());
    assertTrue(r2.err().contains("line 1") && r2.err().contains("demand"), r2.err());
  }

  @Test
  void infeasibleInstancesExitNonZeroWithAMessage() throws IOException {
    Path f = file("d.csv", "period,demand\n1,10\n2,10\n");
    Result r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "1",
        "--holding-cost", "1", "--lead-time", "1", f.toString());
    assertTrue(r.code() != 0);
    assertTrue(r.err().contains("infeasible"), r.err());
    Result usage = run("plan", "--strategy", "nope", "--setup-cost", "1", "--holding-cost", "1",
        f.toString());
    assertEquals(2, usage.code());
    assertTrue(usage.err().contains("Unknown batching strategy"), usage.err());
    Result missing = run("plan", "--strategy", "deadline", "--setup-cost", "1",
        "--holding-cost", "1", dir.resolve("absent.csv").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  /**
   * Multiple 7, demand 10, 10, 0, 10: whatever the batches, every unit made is either delivered, held for an order, or surplus: production minus demand delivered
   * so far equals stock plus surplus in every period, and the JSON carries the ERP plan shape
   * (batches with 0-based periods) plus the surplus per period.
   */
  @Test
  void roundingSurplusIsShownAndExported() throws IOException {
    Path f = file("m7.csv", "period,demand\n1,10\n2,10\n3,0\n4,10\n");
    Result r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "100",
        "--holding-cost", "1", "--multiple", "7", "--json", f.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    JsonNode it = n.get("items").get(0);
    int[] demand = {10, 10, 0, 10};
    long made = 0;
    long delivered = 0;
    for (int t = 0; t < 4; t++) {
      made += it.get("production").get(t).asLong();
      delivered += demand[t];
      assertEquals(made - delivered, it.get("stock").get(t).asLong()
          + it.get("surplus").get(t).asLong(), "period " + (t + 1));
    }
    // 30 units ordered, batches are multiples of 7: at least 5 surplus units at the end
    assertTrue(it.get("surplus").get(3).asLong() >= 5, r.out());
    assertTrue(n.get("batches").get(0).has("orders"), r.out());
    assertEquals(1, n.get("firstPeriod").asInt());
    Result text = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "100",
        "--holding-cost", "1", "--multiple", "7", f.toString());
    assertTrue(text.out().contains("surplus"), text.out());
  }

  /** Review findings on input handling: each gets a clear answer, not a silent guess. */
  @Test
  void inputEdgeCasesAreHandledExplicitly() throws IOException {
    // a UTF-8 byte order mark before the header
    Path bom = file("bom.csv", "\uFEFFperiod,demand\n1,10\n2,10\n");
    Result r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "100",
        "--holding-cost", "1", bom.toString());
    assertEquals(0, r.code(), r.err());
    // extra cells are refused with the line
    Path extra = file("extra.csv", "period,demand\n1,10,7\n");
    r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "1", "--holding-cost", "1",
        extra.toString());
    assertEquals(PlanCommand.EXIT_NOTHING_USABLE, r.code()); // every row rejected (issue 11)
    assertTrue(r.err().contains("line 2") && r.err().contains("3 cells"), r.err());
    // setup_cost in every row: no --setup-cost needed; an empty cell uses the flag
    Path sc = file("sc.csv", "period,demand,setup_cost\n1,10,100\n2,10,\n");
    r = run("plan", "--strategy", "wagner-whitin", "--holding-cost", "1", sc.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--setup-cost"), r.err());
    r = run("plan", "--strategy", "wagner-whitin", "--holding-cost", "1", "--setup-cost", "5",
        sc.toString());
    // period 2 setup 5 (the flag) beats holding 10 units for 1: two batches, 100 + 5
    assertTrue(r.out().contains("total cost 105.0000"), r.out() + r.err());
    Path full = file("full.csv", "period,demand,setup_cost\n1,10,100\n2,10,100\n");
    r = run("plan", "--strategy", "wagner-whitin", "--holding-cost", "1", full.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("total cost 110.0000"), r.out());
    // NaN cost and fractional one-design capacity are usage errors naming flag and value
    r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "NaN", "--holding-cost", "1",
        full.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--setup-cost (NaN)"), r.err());
    r = run("plan", "--strategy", "deadline", "--setup-cost", "1", "--holding-cost", "1",
        "--capacity", "0.5", full.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--capacity (0.5)"), r.err());
    // --items with a one-design file says why
    Path items = file("it.csv", "item,setup_cost,holding_cost\na,1,1\n");
    r = run("plan", "--strategy", "deadline", "--items", items.toString(), full.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("one design"), r.err());
    // capacity columns without --capacity are reported, not silently dropped
    Path multi = file("multi.csv", "item,period,demand\na,1,5\n");
    Path capItems = file("ci.csv", "item,setup_cost,holding_cost,setup_time,unit_capacity_use\n"
        + "a,1,1,5,2\n");
    r = run("plan", "--strategy", "deadline", "--items", capItems.toString(), multi.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("only matter with --capacity"), r.err());
    // pending ids use the file's periods
    Path late = file("late.csv", "period,demand\n3,10\n");
    r = run("plan", "--strategy", "deadline", "--setup-cost", "1", "--holding-cost", "1",
        "--lead-time", "1", late.toString());
    assertTrue(r.out().contains("not produced: item@3 "), r.out());
    assertTrue(r.err().contains("1 order(s) not produced"), r.err());
  }
}
