package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.Version;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code lazaret rules list}: every rule, from the config file and from the API. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List every rule; rules from the config file show 'config' as creator.")
final class RulesListCommand extends AdminCommand {

  private final Clock clock;

  /** @param clock what the times shown are relative to */
  RulesListCommand(Map<String, String> env, Clock clock) {
    super(env);
    this.clock = clock;
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    JsonNode rules = client.get("api/rules");
    if (json()) {
      printJson(rules);
      return;
    }
    if (rules.path("items").isEmpty()) {
      out().println("No rules.");
      return;
    }
    ShownTimes times = new ShownTimes(clock.instant());
    TextTable table = new TextTable("ID", "EFFECT", "KIND", "NAME", "VERSION", "EXPIRES", "BY",
        "NOTE");
    for (JsonNode r : rules.path("items")) {
      table.row(r.path("id").asText(), r.path("effect").asText(), r.path("kind").asText(),
          r.path("name").asText(), r.path("version").asText(""),
          times.of(r.get("expiresAt")), r.path("createdBy").asText(""),
          r.path("note").asText(""));
    }
    table.print(out(), "");
  }
}
