package io.c2m.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code c2m} command line. Each subcommand is a class of this package registered in
 * {@link #commandLine()}.
 */
@Command(
    name = "c2m",
    mixinStandardHelpOptions = true,
    version = "c2m " + io.c2m.Provenance.BUILT_IN_VERSION,
    description = "Consumer-to-Manufacturing: from consumer signals to niches, designs, forecasts "
        + "and production batches.",
    subcommands = {CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  c2m demo",
        "  c2m niches --events examples/marketplace-events.jsonl --min-audience 1 \\",
        "      --synthetic-data",
        "  c2m plan --strategy wagner-whitin --setup-cost 100 --holding-cost 1 \\",
        "      examples/wagner-whitin-1958.csv",
        "  c2m forecast --series examples/airpassengers.csv --horizon 12 --method auto \\",
        "      --season 12",
        "  c2m help plan",
        "",
        "Operators' log lines (strategies chosen, plans, refusals counted by rule; never",
        "consumer data): java -Dorg.slf4j.simpleLogger.log.io.c2m=info -jar c2m.jar COMMAND"})
public final class C2mCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli instantiates it. */
  public C2mCommand() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /**
   * Builds the command line with every subcommand registered.
   *
   * @return the command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new C2mCommand());
    // Subcommands are registered here, one line each.
    cl.addSubcommand(new DemoCommand());
    cl.addSubcommand(new ForecastCommand());
    cl.addSubcommand(new NichesCommand());
    cl.addSubcommand(new OrdersCommand());
    cl.addSubcommand(new PlanCommand());
    cl.addSubcommand(SimulateCommand.commandLine());
    HelpTexts.apply(cl);
    cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
      // Messages may quote input: control characters are escaped so no terminal escape passes.
      line.getErr().println("c2m: " + io.c2m.privacy.PersonalData.escapeControls(
          java.util.Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName())));
      return 1;
    });
    return cl;
  }

  /**
   * Runs the command line with the given output streams, returning the exit code.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return 0 when the command produced something usable, 1 on a failed command, 2 on bad usage,
   *     3 when the input had records but every one was rejected (or skipped): nothing usable
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
