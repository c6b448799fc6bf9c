package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.Version;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lazaret holds show NAME VERSION}: why a version is held and what changed. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Explain a hold: reasons, signals, publisher and what changed.",
        "Shows every signal with its value and finding, the publisher evidence, any",
        "decision, and the diff against the last allowed version (dependencies,",
        "scripts with their text, maintainers, publisher, provenance, files)."})
final class HoldsShowCommand extends AdminCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The package, e.g. @acme/ui.")
  private String name;

  @Parameters(index = "1", paramLabel = "VERSION", description = "The version, e.g. 1.2.0.")
  private String version;

  private final Clock clock;

  /** @param clock what the times shown are relative to */
  HoldsShowCommand(Map<String, String> env, Clock clock) {
    super(env);
    this.clock = clock;
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    JsonNode explanation = client.get("api/holds/" + AdminClient.segment(name) + "/"
        + AdminClient.segment(version));
    if (json()) {
      printJson(explanation);
    } else {
      new ExplanationText(out(), new ShownTimes(clock.instant())).print(explanation);
    }
  }
}
