package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 on {@code c2m forecast}: bounded season, overflow-safe periods, CSV, exit codes. */
class ForecastCommandIssue11Test {
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

  @Test
  void aHugeSeasonIsAUsageErrorBeforeAnyAllocation() throws IOException {
    Path f = file("s.csv", "t,value\n1,1\n2,2\n3,3\n4,4\n");
    Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("forecast",
        "--series", f.toString(), "--horizon", "2", "--method", "holt-winters-additive",
        "--season", "2000000000"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--season"), r.err());
  }

  @Test
  void periodsNearTheLongLimitsAreRefusedNotWrappedIntoConsecutive() throws IOException {
    Path train = file("train.csv", "t,value\n9223372036854775806,1\n9223372036854775807,2\n");
    Path test = file("test.csv", "t,value\n-9223372036854775808,3\n");
    Result r = run("forecast", "--series", train.toString(), "--evaluate", "--test",
        test.toString(), "--method", "naive");
    assertTrue(r.code() != 0, r.out() + r.err());
    assertTrue(r.err().contains("train.csv line 2, column t"), r.err());
    assertTrue(r.err().contains("from -2^53 to 2^53"), r.err());
  }

  @Test
  void everySeriesRejectedIsExitCode3() throws IOException {
    Path f = file("bad.csv", "t,value\n1,x\n2,-1\n");
    Result r = run("forecast", "--series", f.toString(), "--horizon", "2");
    assertEquals(ForecastCommand.EXIT_NOTHING_USABLE, r.code(), r.err());
  }

  @Test
  void quotedCellsAnyColumnOrderAndSemicolons() throws IOException {
    Path f = file("q.csv", "value;t;series_id\n1;1;\"a;b\"\n2;2;\"a;b\"\n3;3;\"a;b\"\n"
        + "4;4;\"a;b\"\n");
    Result r = run("forecast", "--series", f.toString(), "--horizon", "2", "--method", "naive",
        "--separator", ";");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("a;b"), r.out());
  }

  @Test
  void controlCharactersInCellsAreEscaped() throws IOException {
    Path f = file("e.csv", "t,value\n1,\u001b[2J\n2,1\n");
    Result r = run("forecast", "--series", f.toString(), "--horizon", "2");
    assertFalse(r.err().contains("\u001b"), r.err());
    assertTrue(r.err().contains("e.csv line 2, column value"), r.err());
  }
}
