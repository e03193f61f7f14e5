package io.c2m.examples.cli;

import io.c2m.InvalidConfigurationException;
import io.c2m.json.EventProblem;
import io.c2m.json.EventReader;
import io.c2m.json.EventReport;
import io.c2m.json.JsonEnvelope;
import io.c2m.ml.NicheEvaluation;
import io.c2m.niche.Niche;
import io.c2m.niche.NicheInference;
import io.c2m.niche.NicheInferences;
import io.c2m.niche.NicheRequest;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.sim.MarketplaceSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code c2m niches}: niches from a file of JSON-lines events, or, with {@code --evaluate}, the
 * quality of every inference strategy on a synthetic marketplace with planted niches.
 */
@Command(
    name = "niches",
    mixinStandardHelpOptions = true,
    description = {
      "Find niches in JSON-lines events (Segment or GA4): each with its definition, audience, "
          + "lift, demand score and trend.",
      "User ids in the file are taken as already pseudonymous, and every consumer in it as "
          + "consenting to profiling: filter the export before.",
      "With --evaluate, measure the strategies on a synthetic marketplace with planted niches "
          + "instead: precision, recall, adjusted Rand index, and the propensity ROC-AUC."
    })
public final class NichesCommand implements Callable<Integer> {
  /** The most profile half-lives {@code --as-of} may lie after the last event. */
  static final int MAX_AS_OF_HALF_LIVES = 10;
  // Tribuo logs every k-means iteration at INFO; keep the command's output readable.
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

  @Spec CommandSpec spec;

  @Option(names = "--events", paramLabel = "FILE.jsonl",
      description = "The events, one JSON object per line.")
  Path events;

  @Option(names = "--min-audience", defaultValue = "20",
      description = "Smallest audience of a niche (default: ${DEFAULT-VALUE}).")
  int minAudience;

  @Option(names = "--strategy", defaultValue = "attribute-miner",
      description = "The niche inference (default: ${DEFAULT-VALUE}); one of: "
          + "${COMPLETION-CANDIDATES}.", completionCandidates = StrategyNames.class)
  String strategy;

  @Option(names = "--setting", paramLabel = "NAME=VALUE",
      description = "A setting of the strategy; repeatable.")
  Map<String, String> settings = new TreeMap<>();

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "The instant profiles are decayed to and trends end at (default: the last "
          + "event's).")
  Instant asOf;

  @Option(names = "--seed", defaultValue = "42",
      description = "The seed of strategies that draw random numbers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print a JSON array of niches.")
  boolean json;

  @Option(names = "--evaluate",
      description = "Evaluate the strategies on the synthetic marketplace with planted niches.")
  boolean evaluate;

  @Option(names = "--consumers", defaultValue = "6000",
      description = "With --evaluate: consumers of the marketplace (default: ${DEFAULT-VALUE}).")
  int consumers;

  /** The installed strategy names, for the help text. */
  static final class StrategyNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return NicheInferences.names().iterator();
    }
  }

  /** Creates the command; picocli instantiates it. */
  public NichesCommand() {}

  @Override
  public Integer call() {
    TRIBUO.setLevel(Level.WARNING);
    if (minAudience < 1) {
      throw new ParameterException(spec.commandLine(),
          "--min-audience (" + minAudience + ") must be at least 1.");
    }
    if (evaluate == (events != null)) {
      throw new ParameterException(spec.commandLine(),
          "Give exactly one of --events FILE.jsonl and --evaluate.");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (evaluate) {
      for (String option : List.of("--strategy", "--setting", "--json", "--as-of")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new ParameterException(spec.commandLine(), option + " does not apply to "
              + "--evaluate, which measures every installed strategy with its default settings "
              + "and prints a table.");
        }
      }
      return evaluate(out);
    }
    NicheInference inference;
    try {
      inference = NicheInferences.byName(strategy, settings);
    } catch (InvalidConfigurationException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!Files.isReadable(events)) {
      throw new ParameterException(spec.commandLine(),
          "--events: cannot read the file " + events + ".");
    }
    Ingest ingest = new Ingest();
    EventReport report;
    try {
      report = EventReader.trustingIds().read(events, ingest);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("c2m niches: cannot read " + events + ": "
          + e.getCause().getMessage());
      return 1;
    }
    PrintWriter err = spec.commandLine().getErr();
    for (EventProblem p : report.problems()) {
      err.println(events.getFileName() + ": " + p);
    }
    if (report.problemsOmitted() > 0) {
      err.println(events.getFileName() + ": " + report.problemsOmitted() + " more problems.");
    }
    err.printf(Locale.ROOT, "%s: %,d lines: %,d accepted, %,d skipped, %,d rejected; %,d signals"
            + ", %,d without attribute data (not profiled)%n", events.getFileName(), report.read(),
        report.accepted(), report.skipped(), report.rejected(), report.signals(),
        ingest.withoutAttributes);
    err.flush();
    List<Niche> niches = List.of();
    int profiled = 0;
    if (ingest.store != null) {
      Duration halfLife = ProfileSettings.defaults().halfLife();
      if (asOf != null && asOf.isBefore(ingest.last)) {
        throw new ParameterException(spec.commandLine(), "--as-of (" + asOf
            + ") is before the last event (" + ingest.last + "); profiles are read at or after "
            + "the evidence they hold.");
      }
      Duration limit = halfLife.multipliedBy(MAX_AS_OF_HALF_LIVES);
      if (asOf != null && Duration.between(ingest.last, asOf).compareTo(limit) > 0) {
        throw new ParameterException(spec.commandLine(), "--as-of (" + asOf + ") is more than "
            + MAX_AS_OF_HALF_LIVES + " profile half-lives (" + halfLife + ") after the last event ("
            + ingest.last + "); every preference would have decayed to nothing.");
      }
      Instant at = asOf != null ? asOf : ingest.last;
      NicheRequest request = new NicheRequest(ingest.store.profiles(at), minAudience, at, seed,
          ingest.store.timeline());
      profiled = request.profiles().size();
      // Checked: the audience is recounted and niches below the minimum are withheld
      // (k-anonymity), as the engine does.
      niches = NicheInference.checked(inference).infer(request);
    }
    if (json) {
      out.println(toJson(niches, asOf != null ? asOf
          : ingest.store != null ? ingest.last : Instant.EPOCH));
    } else {
      out.print(table(niches));
      if (niches.isEmpty()) {
        out.println(noNiche(profiled, minAudience, inference.name()));
      }
    }
    out.flush();
    return 0;
  }

  /** Feeds signals to a profile store anchored at the first signal. */
  private static final class Ingest implements java.util.function.Consumer<Signal> {
    ProfileStore store;
    Instant last = Instant.MIN;
    long withoutAttributes;

    @Override
    public void accept(Signal s) {
      if (s.item().isEmpty()) {
        withoutAttributes++;
        return;
      }
      if (store == null) {
        store = new ProfileStore(ProfileSettings.defaults(), c -> true, s.at());
      }
      store.add(s);
      if (s.at().isAfter(last)) {
        last = s.at();
      }
    }
  }

  private int evaluate(PrintWriter out) {
    MarketplaceSpec base = MarketplaceSpec.nicheEvaluation();
    int planted = base.niches().stream().mapToInt(n -> n.members()).sum();
    if (consumers < planted) {
      throw new ParameterException(spec.commandLine(), "--consumers (" + consumers
          + ") must be at least " + planted + ", the members of the planted niches.");
    }
    MarketplaceSpec marketplace = base.withConsumers(consumers);
    out.println("Niche inference on a synthetic marketplace: " + planted + " members in "
        + base.niches().size() + " planted niches (two overlapping pairs, two narrow), the "
        + "rest noise.");
    NicheEvaluation.Report report = NicheEvaluation.run(marketplace, seed, minAudience,
        NicheEvaluation.defaultStrategies(marketplace));
    out.print(NicheEvaluation.format(report));
    out.flush();
    return 0;
  }

  static String table(List<Niche> niches) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-4s %-60s %8s %7s %8s  %s%n", "#", "definition",
        "audience", "lift", "demand", "trend"));
    int rank = 0;
    for (Niche n : niches) {
      String trend = n.trend().direction().name().toLowerCase(Locale.ROOT)
          + String.format(Locale.ROOT, " x%.2f", n.trend().growth())
          + (n.trend().halfLifeDays() > 0
              ? String.format(Locale.ROOT, " half-life %.1f d", n.trend().halfLifeDays()) : "");
      sb.append(String.format(Locale.ROOT, "%-4d %-60s %8d %7.2f %8.1f  %s%n", ++rank,
          n.definition().values(), n.audience(), n.lift(), n.demandScore(), trend));
    }
    return sb.toString();
  }

  /** Says why no niche was printed. */
  static String noNiche(int profiles, int minAudience, String strategy) {
    if (profiles == 0) {
      return "No niche: no consumer was profiled (no event with attribute data).";
    }
    if (profiles < minAudience) {
      return String.format(Locale.ROOT, "No niche: %,d consumers profiled, fewer than the "
          + "minimum audience (%,d).", profiles, minAudience);
    }
    return String.format(Locale.ROOT, "No niche: among %,d consumers profiled, %s found no "
        + "attribute combination within a category that at least %,d of them prefer and that is "
        + "distinctive (over-represented beyond its lift and z-score thresholds).%nMaybe lower "
        + "--min-audience.", profiles, strategy, minAudience);
  }

  /**
   * The niches in c2m's JSON envelope (kind {@code niches}, schema
   * {@code docs/schemas/niches.schema.json}), written by C2mJson: enums as c2m spells them.
   */
  static String toJson(List<Niche> niches, Instant asOf) {
    return JsonEnvelope.of("niches", asOf, niches).toJson();
  }
}
