package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.npm.NpmJson;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code lazaret holds approve-group|reject-group ID --reason TEXT}: decides every member of a
 * hold group still held, each its own audited decision.
 */
abstract class HoldGroupDecisionCommand extends AdminCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The group, as 'holds groups'"
      + " lists it.")
  private String id;

  @Option(names = "--reason", paramLabel = "TEXT", required = true,
      description = "Why; kept in the audit log of every member.")
  private String reason;

  private final String action;

  HoldGroupDecisionCommand(Map<String, String> env, String action) {
    super(env);
    this.action = action;
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    if (reason.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--reason must say why");
    }
    ObjectNode body = NpmJson.MAPPER.createObjectNode().put("action", action)
        .put("reason", reason);
    JsonNode answer = client.post("api/hold-groups/" + AdminClient.segment(id), body);
    if (json()) {
      printJson(answer);
      return;
    }
    TextTable table = new TextTable("PACKAGE", "VERSION", "OUTCOME", "STATE", "DETAIL");
    answer.path("members").forEach(m -> table.row(m.path("package").asText(),
        m.path("version").asText(), m.path("outcome").asText(), m.path("state").asText(""),
        m.path("detail").asText("")));
    out().println((action.equals("approve") ? "Approved " : "Rejected ")
        + answer.path("decided").asInt() + " of " + answer.path("members").size()
        + " held versions of group " + id + ": " + reason);
    table.print(out(), "  ");
  }

  /** {@code holds approve-group}. */
  @Command(name = "approve-group", mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Approve every held version of a group: served from the next request.")
  static final class Approve extends HoldGroupDecisionCommand {
    Approve(Map<String, String> env) {
      super(env, "approve");
    }
  }

  /** {@code holds reject-group}. */
  @Command(name = "reject-group", mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Reject every held version of a group: never served.")
  static final class Reject extends HoldGroupDecisionCommand {
    Reject(Map<String, String> env) {
      super(env, "reject");
    }
  }
}
