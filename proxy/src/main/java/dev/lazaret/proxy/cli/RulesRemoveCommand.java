package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.npm.NpmJson;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lazaret rules remove ID [--reason TEXT]}: delete a rule added through the API. */
@Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Remove a rule added through the API (config-file rules stay).")
final class RulesRemoveCommand extends AdminCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The rule's id, from 'rules list'.")
  private String id;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the audit log.")
  private String reason;

  RulesRemoveCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    ObjectNode body = reason == null ? null
        : NpmJson.MAPPER.createObjectNode().put("reason", reason);
    JsonNode removed = client.delete("api/rules/" + AdminClient.segment(id), body);
    if (json()) {
      printJson(removed);
    } else {
      out().println("Removed rule " + id + (reason == null ? "" : ": " + reason));
    }
  }
}
