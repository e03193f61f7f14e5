package io.c2m.examples.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;

/**
 * Issue 11 part 7: fuzzing the CSV readers of {@code c2m plan} and {@code c2m forecast} with
 * jqwik generators over mutated valid files. Allowed outcomes: an exit code of 0 to 3 with no
 * stack trace and no control character from the input on standard error (plan), a parsed file or
 * an {@link IOException} naming the file (forecast); every run under a time limit.
 *
 * <p>{@value #DEFAULT_INPUTS} inputs per reader in {@code mvn verify};
 * {@code -Dc2m.fuzz.inputs=N} for a longer run (docs/limits.md).
 */
class CsvReadersFuzzProperties {
  static final int DEFAULT_INPUTS = 150;
  private static final int INPUTS = Integer.getInteger("c2m.fuzz.inputs", DEFAULT_INPUTS);
  private static final long SEED = Long.getLong("c2m.fuzz.seed", 42L);

  private static final List<String> PLAN = List.of(
      "period,demand\n1,20\n2,50\n3,10\n4,80\n",
      "item,period,demand,setup_cost\n\"shirt, navy\",1,5,100\nhat,1,7,\nhat,2,3,50\n",
      "# comment\ndemand,period\n5,1\n\n7,3\n");
  private static final List<String> SERIES = List.of(
      "t,value\n1,112\n2,118\n3,132\n4,129\n5,121\n",
      "series_id,t,value\nA,1,3\nA,2,4\n\"B,x\",1,0\n\"B,x\",2,5\n");
  private static final byte[] HOSTILE = {0, 0x1b, 0x07, '\r', '\n', '"', ',', ';', '#', '-',
      '.', 'e', '9', (byte) 0xC0, (byte) 0xED, (byte) 0xFF, (byte) 0x80};
  private static final String[] TOKENS = {"1e308", "NaN", "-Infinity", "2147483648",
      "9223372036854775807", "\"\"\"", "\"a\nb\"", "\u001b[2J", "x".repeat(3000), ",,,,,,,,",
      "-9223372036854775808"};

  static Arbitrary<byte[]> mutated(List<String> seeds) {
    Arbitrary<byte[]> seed = Arbitraries.of(seeds).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 255))
        .as((kind, a, c) -> new int[] {kind, a, c});
    return Combinators.combine(seed, edit.list().ofMinSize(1).ofMaxSize(5)).as((s, edits) -> {
      byte[] b = s;
      for (int[] e : edits) {
        int at = b.length == 0 ? 0 : e[1] % b.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        switch (e[0]) {
          case 0 -> {
            out.write(HOSTILE[e[2] % HOSTILE.length]);
            out.write(b, Math.min(b.length, at + 1), b.length - Math.min(b.length, at + 1));
          }
          case 1 -> {
            out.write(HOSTILE[e[2] % HOSTILE.length]);
            out.write(b, at, b.length - at);
          }
          case 2 -> {
            int len = Math.min(b.length - at, 1 + e[2] % 8);
            out.write(b, at + len, b.length - at - len);
          }
          default -> {
            out.writeBytes(TOKENS[e[2] % TOKENS.length].getBytes(StandardCharsets.UTF_8));
            out.write(b, at, b.length - at);
          }
        }
        b = out.toByteArray();
      }
      return b;
    });
  }

  private static List<byte[]> samples(Arbitrary<byte[]> a, long seed, int count) {
    RandomGenerator<byte[]> g = a.generator(1000);
    Random random = new Random(seed);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(g.next(random).value());
    }
    return out;
  }

  @Example
  void planOnlyEverExitsWithADocumentedCodeAndAPlainMessage() throws IOException {
    List<byte[]> inputs = samples(mutated(PLAN), SEED, INPUTS);
    Path file = Files.createTempFile("c2m-fuzz", ".csv");
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(Math.max(120, INPUTS / 20)), () -> {
        for (byte[] in : inputs) {
          Files.write(file, in);
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code = C2mCommand.run(new PrintWriter(out), new PrintWriter(err), "plan",
              "--strategy", "wagner-whitin", "--setup-cost", "10", "--holding-cost", "1",
              file.toString());
          String e = err.toString();
          assertTrue(code >= 0 && code <= 3, () -> code + ": " + e);
          assertFalse(e.contains("Exception") || e.contains("\tat "), e);
          assertFalse(e.indexOf('\u001b') >= 0 || e.indexOf('\u0007') >= 0, e);
        }
      });
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Example
  void forecastReadsOrRefusesWithTheFileNamed() throws IOException {
    List<byte[]> inputs = samples(mutated(SERIES), SEED + 1, INPUTS);
    Path file = Files.createTempFile("c2m-fuzz", ".csv");
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(Math.max(60, INPUTS / 50)), () -> {
        for (byte[] in : inputs) {
          Files.write(file, in);
          try {
            ForecastCommand.Parsed p = ForecastCommand.read(file, ',', 1_000_000);
            for (String e : p.errors) {
              assertFalse(e.indexOf('\u001b') >= 0 || e.indexOf('\u0007') >= 0, e);
            }
          } catch (IOException e) {
            assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
          }
        }
      });
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
