package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 on {@code c2m plan}: CSV read streaming by a real CSV parser (quoted fields, any
 * column order, a {@code ;} separator), every error naming file, line and column, bounded work
 * on absurd flags, overflow-safe lead times, exit 3 when no row is usable.
 */
class PlanCommandIssue11Test {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static final String[] WW = {"plan", "--strategy", "wagner-whitin", "--setup-cost",
      "100", "--holding-cost", "1"};

  private static String[] ww(String... more) {
    String[] all = new String[WW.length + more.length];
    System.arraycopy(WW, 0, all, 0, WW.length);
    System.arraycopy(more, 0, all, WW.length, more.length);
    return all;
  }

  @Test
  void quotedFieldsAnyColumnOrderAndASemicolonSeparator() throws IOException {
    Path quoted = file("q.csv", "demand,item,period\n5,\"shirt, navy\",1\n7,\"shirt, navy\",2\n"
        + "3,\"say \"\"hi\"\"\",1\n");
    Result r = run(ww(quoted.toString()));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("shirt, navy"), r.out());
    Path semi = file("s.csv", "period;demand\n1;10\n2;20\n");
    Result s = run(ww("--separator", ";", semi.toString()));
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("total cost"), s.out());
  }

  @Test
  void invalidUtf8NamesTheFileAndLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("period,demand\n1,10\n2,".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
    b.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
    Path f = Files.write(dir.resolve("utf.csv"), b.toByteArray());
    Result r = run(ww(f.toString()));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("utf.csv line 3") && r.err().contains("UTF-8"), r.err());
    assertFalse(r.err().contains("Input length"), r.err());
  }

  @Test
  void hugeCostsAreRefusedAtTheirLineAndColumn() throws IOException {
    Path f = file("cost.csv", "period,demand,holding_cost\n1,10,1e308\n2,10,1\n");
    Result r = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "1", f.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("cost.csv line 2, column holding_cost"), r.err());
    assertFalse(r.err().contains("Infinity"), r.err());
    Result flag = run("plan", "--strategy", "wagner-whitin", "--setup-cost", "1e308",
        "--holding-cost", "1", f.toString());
    assertEquals(2, flag.code(), flag.err());
  }

  @Test
  void aLeadTimeOfIntMaxIsAUsageErrorNotANegativePeriod() throws IOException {
    Path f = file("d.csv", "period,demand\n1,10\n");
    Result r = run(ww("--lead-time", "2147483647", f.toString()));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--lead-time"), r.err());
    assertFalse(r.err().contains("-2147483648"), r.err());
  }

  @Test
  void orderSizeOneWithABillionUnitsIsRefusedBeforeBuildingOrders() throws IOException {
    Path f = file("big.csv", "period,demand\n1,1000000000\n");
    Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> run(ww("--order-size", "1", f.toString())));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("1000000000 orders"), r.err());
  }

  @Test
  void everyRowRejectedIsExitCode3AndTheRowLimitFailsFast() throws IOException {
    Path bad = file("bad.csv", "period,demand\nx,1\n2,-1\n");
    assertEquals(PlanCommand.EXIT_NOTHING_USABLE, run(ww(bad.toString())).code());
    Path three = file("three.csv", "period,demand\n1,1\n2,1\n3,1\n");
    Result r = run(ww("--max-rows", "2", three.toString()));
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("three.csv line 4: more than 2 rows"), r.err());
  }

  @Test
  void controlCharactersInCellsNeverReachTheTerminal() throws IOException {
    Path f = file("esc.csv", "period,demand\n1,\u001b[31m\u0007\n");
    Result r = run(ww(f.toString()));
    assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.err());
    assertTrue(r.err().contains("\\u001b"), r.err());
  }

  @Test
  void largePlansAreStreamedAsValidJson() throws IOException {
    StringBuilder sb = new StringBuilder("period,demand\n");
    int periods = 20_000;
    for (int t = 0; t < periods; t++) {
      sb.append(t).append(',').append(t % 7).append('\n');
    }
    Path f = file("long.csv", sb.toString());
    Result r = run(ww("--json", f.toString()));
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(periods, root.get("periods").size());
    assertEquals(periods, root.get("items").get(0).get("production").size());
    assertTrue(root.get("batches").isArray());
    assertTrue(root.get("totalCost").isNumber());
  }
}
