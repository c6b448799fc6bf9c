package dev.lazaret.proxy.cli;

import dev.lazaret.policy.text.MachineNameScorer;
import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.SettingsLoader;
import dev.lazaret.proxy.config.SettingsSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lazaret names score [NAME...]}: prints {@code NAME<TAB>SCORE<TAB>machine|human} per
 * name, at the threshold serve would use. Names come from the arguments, else from standard
 * input, one a line (blank lines skipped). A name that is too long or has spaces or control
 * characters is refused on standard error and the others are still scored (exit 1).
 */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Score how machine-generated account names look (0 to 1), offline.",
        "Prints NAME<TAB>SCORE<TAB>machine|human per name; machine means the score is at",
        "or above the threshold. Names come from the arguments, else from standard input",
        "(one a line). The threshold is serve's: --threshold, else env",
        "LAZARET_QUARANTINE_MACHINE_NAME_THRESHOLD, else the config file's",
        "quarantine.machine-name-threshold, else 0.5."},
    footer = {"", "Exit codes: 0 all scored, 1 some names refused, 2 usage or settings error."})
final class NamesScoreCommand implements Callable<Integer> {

  /** Longest name scored: npm's limit for a package name, far above any account name. */
  static final int MAX_NAME_LENGTH = 214;
  static final int EXIT_REFUSED = 1;

  private final Map<String, String> env;
  private final Supplier<InputStream> stdin;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*",
      description = "Names to score; none: read standard input.")
  private List<String> names = List.of();

  @Option(names = "--threshold", paramLabel = "0..1",
      description = "Score from which a name counts as machine-generated.")
  private String threshold;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file to read the threshold from. Default: env LAZARET_CONFIG")
  private Path config;

  NamesScoreCommand(Map<String, String> env, Supplier<InputStream> stdin) {
    this.env = env;
    this.stdin = stdin;
  }

  @Override
  public Integer call() {
    double cut;
    try {
      cut = threshold();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("lazaret: " + e.getMessage());
      return ServeCommand.EXIT_BAD_SETTINGS;
    }
    NameSink sink = new NameSink(MachineNameScorer.bundled(), cut,
        spec.commandLine().getOut(), spec.commandLine().getErr());
    if (!names.isEmpty()) {
      for (int i = 0; i < names.size(); i++) {
        sink.accept(names.get(i), "argument " + (i + 1));
      }
    } else {
      readLines(sink);
    }
    spec.commandLine().getOut().flush();
    return sink.refused == 0 ? 0 : EXIT_REFUSED;
  }

  private double threshold() throws ConfigException {
    if (threshold != null) {
      try {
        return SettingsSchema.MACHINE_NAME_THRESHOLD.parser().parse(threshold);
      } catch (ConfigException e) {
        throw new ConfigException("--threshold '" + threshold + "': " + e.getMessage());
      }
    }
    Map<String, String> flags = new HashMap<>();
    if (config != null) {
      flags.put(SettingsSchema.CONFIG.key(), config.toString());
    }
    return SettingsLoader.loadOne(SettingsSchema.MACHINE_NAME_THRESHOLD, flags, env);
  }

  /**
   * Reads standard input a line at a time, keeping at most {@link #MAX_NAME_LENGTH} + 1
   * characters of a line, so an endless line costs no memory.
   */
  private void readLines(NameSink sink) {
    Reader in = new InputStreamReader(stdin.get(), StandardCharsets.UTF_8);
    StringBuilder line = new StringBuilder();
    int lineNumber = 1;
    int length = 0;
    try {
      for (int c = in.read(); ; c = in.read()) {
        if (c == -1 || c == '\n') {
          String text = line.toString().strip();
          if (length > MAX_NAME_LENGTH) {
            sink.tooLong(length, "line " + lineNumber);
          } else if (!text.isEmpty()) {
            sink.accept(text, "line " + lineNumber);
          }
          if (c == -1) {
            return;
          }
          line.setLength(0);
          length = 0;
          lineNumber++;
        } else {
          length++;
          if (line.length() <= MAX_NAME_LENGTH) {
            line.append((char) c);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
  }

  /** Scores accepted names to standard output and reports refused ones on standard error. */
  private static final class NameSink {
    private final MachineNameScorer scorer;
    private final double threshold;
    private final PrintWriter out;
    private final PrintWriter err;
    private int refused;

    NameSink(MachineNameScorer scorer, double threshold, PrintWriter out, PrintWriter err) {
      this.scorer = scorer;
      this.threshold = threshold;
      this.out = out;
      this.err = err;
    }

    void accept(String name, String where) {
      String text = name.strip();
      if (text.length() > MAX_NAME_LENGTH) {
        tooLong(text.length(), where);
        return;
      }
      if (text.isEmpty() || text.codePoints().anyMatch(c -> Character.isWhitespace(c)
          || Character.isISOControl(c))) {
        refused++;
        err.println("lazaret: " + where + ": not a name (empty, or has spaces or control"
            + " characters); skipped");
        return;
      }
      double score = scorer.score(text);
      out.printf(Locale.ROOT, "%s\t%.3f\t%s%n", text, score,
          score >= threshold ? "machine" : "human");
    }

    void tooLong(int length, String where) {
      refused++;
      err.println("lazaret: " + where + ": name of " + length + " characters refused; at most "
          + MAX_NAME_LENGTH);
    }
  }
}
