package io.c2m.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The same help conventions on every command, applied once to the whole command line: an option's
 * placeholder is its own name ({@code --min-audience <min-audience>}, never a Java field name such
 * as {@code <minAudience>} or a bare letter), and every command lists its exit codes.
 */
final class HelpTexts {
  /**
   * The exit codes every command shares; a command that also returns 3 (input whose every record
   * was rejected) declares its own list.
   */
  static final Map<String, String> EXIT_CODES = exitCodes();

  private HelpTexts() {}

  private static Map<String, String> exitCodes() {
    return codes("0", "done", "1", "failed (the message says why)",
        "2", "bad usage: an unknown option or a bad value");
  }

  /**
   * Exit codes in the order given.
   *
   * @param codeAndMeaning a code, its meaning, the next code, ...
   * @return the list for picocli's exit code section
   */
  static Map<String, String> codes(String... codeAndMeaning) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (int i = 0; i + 1 < codeAndMeaning.length; i += 2) {
      codes.put(codeAndMeaning[i], codeAndMeaning[i + 1]);
    }
    return codes;
  }

  /**
   * Applies the conventions to a command and its subcommands.
   *
   * @param cl the command line
   */
  static void apply(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    List<OptionSpec> relabel = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.arity().max() > 0 && o.group() == null && !readable(o.paramLabel())) {
        relabel.add(o);
      }
    }
    for (OptionSpec o : relabel) {
      spec.remove(o);
      spec.addOption(o.toBuilder().paramLabel("<" + o.longestName().replaceFirst("^-+", "")
          + ">").build());
    }
    if (spec.usageMessage().exitCodeList().isEmpty()
        && !String.join("\n", spec.usageMessage().description()).contains("Exit codes")) {
      spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().parent() == spec) {
        apply(sub);
      }
    }
  }

  /**
   * Tells whether a placeholder reads well: a word in capitals ({@code FILE.jsonl},
   * {@code INSTANT}, {@code NAME=VALUE}) or a kebab-case name in angle brackets; not a Java
   * field name ({@code <minAudience>}) nor a single letter ({@code S}).
   */
  static boolean readable(String label) {
    if (label.startsWith("<")) {
      return label.equals(label.toLowerCase(Locale.ROOT));
    }
    return label.length() > 1;
  }
}
