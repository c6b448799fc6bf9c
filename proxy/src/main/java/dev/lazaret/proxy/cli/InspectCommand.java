package dev.lazaret.proxy.cli;

import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.inspect.Unpacked;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lazaret inspect [--previous OLD.tgz] [--facts FILE] NEW.tgz}: inspects a tarball the
 * way the proxy does for a held version, offline, and prints what changed since the previous
 * release, the findings and, given the packument facts, the quarantine's verdict. A tarball that
 * cannot be inspected (an archive bomb, a malformed archive) is a result, not an error.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Inspect a package tarball offline, as the proxy inspects a held version.",
        "Prints the files added or changed since --previous, the findings in them, install",
        "scripts, native binaries and dependencies added. With --facts (the format of",
        "bench/detect/README.md) also judges the version with the default quarantine and",
        "prints the verdict and its reasons. No server or data directory is needed."},
    footer = {"", "Exit codes: 0 inspected (even when the tarball is malformed or a bomb),",
        "1 a file could not be read, 2 usage or facts error."})
final class InspectCommand implements Callable<Integer> {

  static final int EXIT_UNREADABLE = 1;
  static final int EXIT_BAD_FACTS = 2;

  /** A facts file describes one package's versions: far below this. */
  private static final long MAX_FACTS_BYTES = 16L << 20;

  private final Clock clock;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "NEW.tgz", description = "The tarball to inspect.")
  private Path tarball;

  @Option(names = "--previous", paramLabel = "OLD.tgz",
      description = "The previous release's tarball, to compare with. Default: none (every"
          + " file counts as added).")
  private Path previous;

  @Option(names = "--facts", paramLabel = "FILE",
      description = "Packument facts (versions, publish times, publishers) to judge with.")
  private Path facts;

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "Judge as of this ISO instant. Default: the facts file's 'at', else now.")
  private String at;

  InspectCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ReleaseJudge judge = new ReleaseJudge();
    Unpacked now;
    Unpacked old = null;
    ReleaseFacts releaseFacts = null;
    try {
      // Streamed: the inspector stops at its caps, so a huge or endless file is not read whole.
      now = inspect(judge, tarball);
      if (previous != null) {
        old = inspect(judge, previous);
      }
      if (facts != null) {
        if (Files.size(facts) > MAX_FACTS_BYTES) {
          err.println("lazaret: " + facts + ": larger than " + (MAX_FACTS_BYTES >> 20)
              + " MiB; a facts file describes one package");
          return EXIT_BAD_FACTS;
        }
        releaseFacts = ReleaseFacts.parse(Files.readAllBytes(facts));
      }
    } catch (IOException e) {
      err.println("lazaret: cannot read " + e.getMessage());
      return EXIT_UNREADABLE;
    } catch (IllegalArgumentException e) {
      err.println("lazaret: " + facts + ": " + e.getMessage());
      return EXIT_BAD_FACTS;
    }
    Instant when;
    try {
      when = at != null ? Instant.parse(at)
          : releaseFacts != null ? releaseFacts.judgingInstant(clock.instant()) : clock.instant();
    } catch (DateTimeParseException e) {
      err.println("lazaret: --at '" + at + "' is not an ISO instant");
      return EXIT_BAD_FACTS;
    }
    ReleaseJudge.Result result = judge.judge(old, now, releaseFacts, when);
    PrintWriter out = spec.commandLine().getOut();
    new InspectionReport(out).print(tarball.getFileName().toString(),
        previous == null ? null : previous.getFileName().toString(), result, when);
    out.flush();
    return 0;
  }

  private static Unpacked inspect(ReleaseJudge judge, Path tgz) throws IOException {
    try (InputStream in = Files.newInputStream(tgz)) {
      return judge.inspect(in);
    }
  }
}
