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
import io.c2m.niche.InsightExporter;
import io.c2m.niche.NicheRequest;
import io.c2m.ConsumerId;
import io.c2m.privacy.AudienceGuard;
import io.c2m.privacy.ConsentMapping;
import io.c2m.privacy.PersonalData;
import io.c2m.privacy.Pseudonymizer;
import io.c2m.signal.ProfileSettings;
import io.c2m.signal.ProfileStore;
import io.c2m.signal.Signal;
import io.c2m.sim.MarketplaceSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Set;
import java.util.function.Function;
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
      "User ids that look like e-mail addresses or phone numbers are pseudonymised (HMAC-SHA256;"
          + " --pseudonymize, --pseudonym-key-file); consent stated in an event (Segment "
          + "context.consent.categoryPreferences, GA4 consent or privacy_info) is honoured, an "
          + "event without it is taken as consenting unless --require-consent.",
      "Events dated more than --max-event-age days before or --max-event-lead days after now "
          + "are refused line by line. Reading a file of 16 MiB or more shows its progress on "
          + "standard error.",
      "With --evaluate, measure the strategies on a synthetic marketplace with planted niches "
          + "instead: precision, recall, adjusted Rand index, and the propensity ROC-AUC; its "
          + "progress goes to standard error (a bar on a terminal, plain lines otherwise)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:niches (or why none) printed", "1:failed (the message says why)",
        "2:bad usage: an unknown option or a bad value",
        "3:no usable line (every line rejected or skipped)"},
    footerHeading = "%nExamples:%n",
    footer = {"  c2m niches --events examples/marketplace-events.jsonl --min-audience 1 \\",
        "      --synthetic-data",
        "  c2m niches --events events.jsonl --min-audience 25 --json > niches.json",
        "  c2m niches --events events.jsonl --strategy attribute-miner \\",
        "      --setting maxAttributes=3",
        "  c2m niches --events events.jsonl --insights marketplace.key --json",
        "  c2m niches --evaluate --consumers 6000"})
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
      description = "Smallest audience of a niche (default: ${DEFAULT-VALUE}); at least 5 "
          + "unless --synthetic-data.")
  int minAudience;

  @Option(names = "--synthetic-data", description = "Declare the events synthetic (no real "
      + "consumer): allows --min-audience below the floor of 5.")
  boolean syntheticData;

  @Option(names = "--now", paramLabel = "INSTANT",
      description = "The instant the event window is centred on (default: the system clock).")
  Instant now;

  @Option(names = "--max-event-age", paramLabel = "DAYS", defaultValue = "3650",
      description = "Refuse events older than this many days before now (default: "
          + "${DEFAULT-VALUE}).")
  long maxEventAge;

  @Option(names = "--max-event-lead", paramLabel = "DAYS", defaultValue = "1",
      description = "Refuse events more than this many days after now (default: "
          + "${DEFAULT-VALUE}).")
  long maxEventLead;

  @Option(names = "--pseudonymize", paramLabel = "WHEN", defaultValue = "auto",
      description = "Pseudonymise user ids: auto (those that look like e-mail addresses or phone "
          + "numbers), always, or never (default: ${DEFAULT-VALUE}).")
  String pseudonymize;

  @Option(names = "--pseudonym-key-file", paramLabel = "FILE",
      description = "The HMAC key (at least 16 bytes); default: a random key for this run only.")
  Path pseudonymKeyFile;

  @Option(names = "--insights", paramLabel = "KEY-FILE",
      description = "Print the manufacturer-facing export instead (JSON NicheInsights: coarsened, "
          + "noisy audiences, no consumer id, nothing below max(5, --min-audience)); the file "
          + "holds the marketplace's secret (at least 16 bytes), kept and reused across exports.")
  Path insightKeyFile;

  @Option(names = "--require-consent",
      description = "Skip events that state no consent (default: profile them).")
  boolean requireConsent;

  @Option(names = "--consent-category", paramLabel = "NAME",
      description = "A Segment consent category that must be granted; repeatable (default: "
          + "Analytics, Personalization, Advertising, where stated).")
  List<String> consentCategories = new ArrayList<>();

  @Option(names = "--ga4-consent-field", paramLabel = "NAME",
      description = "A GA4 consent field that must be granted; repeatable (default: "
          + "analytics_storage, ad_user_data, ad_personalization, where stated).")
  List<String> ga4ConsentFields = new ArrayList<>();

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

  @Option(names = "--json", description = "Print the niches as JSON (c2m's niches document); "
      + "with --insights, the insights in c2m's envelope (niche-insights document).")
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
    if (events != null) {
      try {
        AudienceGuard.checkFloor(minAudience, syntheticData);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--min-audience: " + e.getMessage()
            .replace("opt in explicitly", "give --synthetic-data"));
      }
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
    Instant clock = now != null ? now : Instant.now();
    EventReader reader = reader(clock);
    Ingest ingest = new Ingest(clock);
    EventReport report;
    String name = PersonalData.escapeControls(String.valueOf(events.getFileName()));
    // A big file shows how much of it has been read (small ones are read in a blink).
    long size = events.toFile().length(); // 0 when unknown: then no progress is shown
    io.c2m.ProgressListener bar = size < PROGRESS_FROM_BYTES
        ? io.c2m.ProgressListener.none() : new io.c2m.examples.sim.ProgressBar(
            spec.commandLine().getErr(), System.console() != null, System::nanoTime);
    try (java.io.InputStream in =
        new ProgressInputStream(Files.newInputStream(events), size, bar)) {
      report = reader.read(in, ingest);
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("c2m niches: cannot read " + name + ": "
          + PersonalData.escapeControls(String.valueOf(e.getMessage())));
      return 1;
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("c2m niches: cannot read " + name + ": "
          + PersonalData.escapeControls(String.valueOf(e.getCause().getMessage())));
      return 1;
    }
    PrintWriter err = spec.commandLine().getErr();
    for (EventProblem p : report.problems()) {
      err.println(name + ": " + p);
    }
    if (report.problemsOmitted() > 0) {
      err.println(name + ": " + report.problemsOmitted() + " more problems.");
    }
    err.printf(Locale.ROOT, "%s: %,d records: %,d accepted, %,d skipped, %,d rejected; %,d signals"
            + ", %,d without attribute data (not profiled)%n", events.getFileName(), report.read(),
        report.accepted(), report.skipped(), report.rejected(), report.signals(),
        ingest.withoutAttributes);
    err.flush();
    if (report.read() > 0 && report.accepted() == 0) {
      err.println("c2m niches: no usable line in " + name + " (every line was rejected or "
          + "skipped).");
      err.flush();
      return EXIT_NOTHING_USABLE;
    }
    List<Niche> niches = List.of();
    List<io.c2m.signal.ConsumerProfile> profilesUsed = List.of();
    int profiled = 0;
    if (ingest.profiled > 0) {
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
      profilesUsed = ingest.store.profiles(at);
      NicheRequest request = new NicheRequest(profilesUsed, minAudience, at, seed,
          ingest.store.timeline());
      profiled = request.profiles().size();
      // Checked: the audience is recounted and niches below the minimum are withheld
      // (k-anonymity), as the engine does.
      niches = NicheInference.checked(inference).infer(request);
      inference.lastCap().ifPresent(cap -> err.println(
          "c2m niches: note: the search was capped by " + cap + "."));
    }
    Instant asOfUsed = asOf != null ? asOf : ingest.store != null ? ingest.last : Instant.EPOCH;
    if (insightKeyFile != null) {
      out.println(insights(niches, profilesUsed, json ? asOfUsed : null));
    } else if (json) {
      out.println(toJson(niches, asOfUsed));
    } else {
      out.print(table(niches));
      if (niches.isEmpty()) {
        out.println(noNiche(profiled, minAudience, inference.name()));
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The manufacturer-facing export of the niches ({@link InsightExporter}), as JSON: in c2m's
   * envelope (kind {@code niche-insights}) when {@code asOfEnvelope} is given (--json), else the
   * bare array, as before --json applied to it.
   */
  private String insights(List<Niche> niches, List<io.c2m.signal.ConsumerProfile> profiles,
      Instant asOfEnvelope) {
    byte[] secret;
    try {
      secret = Files.readAllBytes(insightKeyFile);
    } catch (java.io.IOException e) {
      throw new ParameterException(spec.commandLine(), "--insights: cannot read "
          + PersonalData.escapeControls(insightKeyFile.toString()) + ".");
    }
    InsightExporter exporter;
    try {
      exporter = new InsightExporter(secret, Math.max(AudienceGuard.FLOOR, minAudience),
          InsightExporter.DEFAULT_BAND);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--insights: " + e.getMessage());
    }
    List<io.c2m.niche.NicheInsight> insights = exporter.export(niches, profiles);
    if (asOfEnvelope != null) {
      return JsonEnvelope.of("niche-insights", asOfEnvelope, insights).toJson();
    }
    try {
      return io.c2m.json.C2mJson.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(insights);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the insights as JSON.", e);
    }
  }

  /** The size from which reading an events file shows its progress. */
  static final long PROGRESS_FROM_BYTES = 16L << 20;

  /** The exit code when the input had lines but none was usable. */
  static final int EXIT_NOTHING_USABLE = 3;

  /** The reader: the window around the clock, the consent mapping, the id pseudonymisation. */
  private EventReader reader(Instant clock) {
    if (maxEventAge < 0 || maxEventLead < 0 || maxEventAge > 36_500 || maxEventLead > 36_500) {
      throw new ParameterException(spec.commandLine(), "--max-event-age (" + maxEventAge
          + ") and --max-event-lead (" + maxEventLead + ") must be from 0 to 36500 days.");
    }
    ConsentMapping consent = ConsentMapping.defaults();
    consent = new ConsentMapping(
        consentCategories.isEmpty() ? consent.segmentCategories() : Set.copyOf(consentCategories),
        ga4ConsentFields.isEmpty() ? consent.ga4Fields() : Set.copyOf(ga4ConsentFields),
        requireConsent);
    Function<String, ConsumerId> ids = ids();
    return EventReader.builder(ids)
        .idCacheSize(pseudonymize.equals("never") ? 0 : EventReader.DEFAULT_ID_CACHE_SIZE)
        .window(Clock.fixed(clock, ZoneOffset.UTC), Duration.ofDays(maxEventAge),
            Duration.ofDays(maxEventLead))
        .consent(consent)
        .build();
  }

  /** The id mapping of --pseudonymize: raw e-mail addresses and phone numbers never enter. */
  private Function<String, ConsumerId> ids() {
    byte[] key;
    if (pseudonymKeyFile != null) {
      try {
        key = Files.readAllBytes(pseudonymKeyFile);
      } catch (java.io.IOException e) {
        throw new ParameterException(spec.commandLine(), "--pseudonym-key-file: cannot read "
            + PersonalData.escapeControls(pseudonymKeyFile.toString()) + ".");
      }
      if (key.length < 16) {
        throw new ParameterException(spec.commandLine(), "--pseudonym-key-file: the key has "
            + key.length + " bytes; it needs at least 16.");
      }
    } else {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    }
    Pseudonymizer p = new Pseudonymizer(key);
    return switch (pseudonymize) {
      case "never" -> ConsumerId::new;
      case "always" -> p::pseudonymize;
      case "auto" -> raw -> PersonalData.looksPersonal(raw.strip()) ? p.pseudonymize(raw)
          : new ConsumerId(raw);
      default -> throw new ParameterException(spec.commandLine(), "--pseudonymize ("
          + PersonalData.excerpt(pseudonymize) + ") must be auto, always or never.");
    };
  }

  /** Feeds signals to a profile store anchored at the clock, never at an input line. */
  private static final class Ingest implements java.util.function.Consumer<Signal> {
    final ProfileStore store;
    Instant last = Instant.MIN;
    long withoutAttributes;
    long profiled;

    Ingest(Instant clock) {
      this.store = new ProfileStore(ProfileSettings.defaults(), c -> true, clock);
    }

    @Override
    public void accept(Signal s) {
      if (s.item().isEmpty()) {
        withoutAttributes++;
        return;
      }
      store.add(s);
      profiled++;
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
        NicheEvaluation.defaultStrategies(marketplace), new io.c2m.examples.sim.ProgressBar(
            spec.commandLine().getErr(), System.console() != null, System::nanoTime));
    out.print(NicheEvaluation.format(report));
    out.flush();
    return 0;
  }

  static String table(List<Niche> niches) {
    TextTable t = new TextTable("", "#>", "definition", "audience>", "lift>", "demand>", "trend");
    int rank = 0;
    for (Niche n : niches) {
      String trend = n.trend().direction().name().toLowerCase(Locale.ROOT)
          + String.format(Locale.ROOT, " x%.2f", n.trend().growth())
          + (n.trend().halfLifeDays() > 0
              ? String.format(Locale.ROOT, " half-life %.1f d", n.trend().halfLifeDays()) : "");
      t.row(++rank, n.definition().values(), n.audience(),
          String.format(Locale.ROOT, "%.2f", n.lift()),
          String.format(Locale.ROOT, "%.1f", n.demandScore()), trend);
    }
    return t.toString();
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
