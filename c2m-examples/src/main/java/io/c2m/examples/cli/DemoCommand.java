package io.c2m.examples.cli;

import io.c2m.examples.demo.DemoReport;
import io.c2m.examples.demo.FashionDemo;
import io.c2m.sim.MarketplaceSpec;
import io.c2m.ConsumerId;
import io.c2m.examples.demo.NicheEventLines;
import io.c2m.examples.sim.DemoComparison;
import io.c2m.examples.sim.ProgressBar;
import io.c2m.privacy.Consent;
import io.c2m.signal.ConsumerAccount;
import io.c2m.signal.Signal;
import io.c2m.sim.Comparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code c2m demo}: the whole C2M pipeline on a seeded synthetic fashion marketplace. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {"Run a seeded synthetic fashion marketplace through the whole C2M pipeline: "
        + "signals, niches, designs, orders, production batches, forecasts; then C2M against "
        + "make-to-stock over 48 simulated days, and a one-line summary.",
      "Progress goes to standard error: a bar on a terminal, plain lines otherwise."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the demo ran", "1:failed (the message says why)",
        "2:bad usage: an unknown option or a bad value"},
    footerHeading = "%nExamples:%n",
    footer = {"  c2m demo",
        "  c2m demo --consumers 200000 --seed 7",
        "  c2m demo --export-events /tmp/events.jsonl",
        "  c2m niches --events /tmp/events.jsonl --min-audience 25"})
public final class DemoCommand implements Callable<Integer> {
  private static final int MAX_CONSUMERS = 1_000_000;

  @Spec CommandSpec spec;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of everything random "
      + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--consumers", defaultValue = "5000", description = "Number of consumers "
      + "(default: ${DEFAULT-VALUE}; from 1140, the planted niches' members, to 1000000).")
  int consumers;

  @Option(names = "--min-audience", defaultValue = "25", description = "Smallest niche audience "
      + "released, the k of k-anonymity (default: ${DEFAULT-VALUE}).")
  int minAudience;

  @Option(names = "--export-events", paramLabel = "FILE.jsonl", description = "Also write the "
      + "signals of the consenting consumers as Segment e-commerce JSON lines, the input of "
      + "'c2m niches --events'.")
  Path exportEvents;

  /** Creates the command; picocli instantiates it. */
  public DemoCommand() {}

  @Override
  public Integer call() {
    MarketplaceSpec base = MarketplaceSpec.fashion();
    int planted = base.niches().stream().mapToInt(n -> n.members()).sum();
    if (consumers < planted || consumers > MAX_CONSUMERS) {
      throw new ParameterException(spec.commandLine(), "--consumers (" + consumers
          + ") must be from " + planted + " (the members of the planted niches) to "
          + MAX_CONSUMERS + ".");
    }
    if (minAudience < 1) {
      throw new ParameterException(spec.commandLine(),
          "--min-audience (" + minAudience + ") must be at least 1.");
    }
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), System.console() != null,
        System::nanoTime);
    FashionDemo.Result result =
        FashionDemo.run(base.withConsumers(consumers), seed, minAudience, progress);
    Comparison comparison = DemoComparison.compare(consumers, seed, progress);
    PrintWriter out = spec.commandLine().getOut();
    out.print(DemoReport.format(result));
    out.print(DemoComparison.format(consumers, seed, comparison));
    out.println();
    out.println(DemoReport.summary(result, comparison, DemoComparison.DAYS));
    out.flush();
    if (exportEvents != null) {
      long lines = export(result, exportEvents);
      spec.commandLine().getErr().println("Wrote " + lines + " Segment events of consenting "
          + "consumers to " + exportEvents + ".");
    }
    return 0;
  }

  private static long export(FashionDemo.Result result, Path file) {
    Set<ConsumerId> consenting = new HashSet<>();
    for (ConsumerAccount a : result.population().accounts()) {
      if (a.allows(Consent.PROFILING)) {
        consenting.add(a.id());
      }
    }
    long lines = 0;
    StringBuilder sb = new StringBuilder(256);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Signal s : result.population().signals()) {
        if (consenting.contains(s.consumer())) {
          sb.setLength(0);
          NicheEventLines.line(s, sb);
          out.write(sb.append('\n').toString());
          lines++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return lines;
  }
}
