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
 * {@code lazaret holds approve|reject NAME VERSION --reason TEXT [--replace]}: an analyst
 * decision.
 */
abstract class HoldDecisionCommand extends AdminCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The package, e.g. @acme/ui.")
  private String name;

  @Parameters(index = "1", paramLabel = "VERSION", description = "The version, e.g. 1.2.0.")
  private String version;

  @Option(names = "--reason", paramLabel = "TEXT", required = true,
      description = "Why; kept in the audit log and shown to whoever asks about the version.")
  private String reason;

  @Option(names = "--replace",
      description = "Overrule a decision already made about the version (without it, a"
          + " decided version is refused, so that two analysts never overrule each other by"
          + " accident).")
  private boolean replace;

  private final String action;

  HoldDecisionCommand(Map<String, String> env, String action) {
    super(env);
    this.action = action;
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    if (reason.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--reason must say why");
    }
    ObjectNode body = NpmJson.MAPPER.createObjectNode().put("reason", reason);
    if (replace) {
      body.put("replace", true);
    }
    JsonNode answer = client.post("api/holds/" + AdminClient.segment(name) + "/"
        + AdminClient.segment(version) + "/" + action, body);
    if (json()) {
      printJson(answer);
    } else {
      out().println((action.equals("approve") ? "Approved " : "Rejected ") + name + "@" + version
          + ": " + reason);
      out().println(action.equals("approve")
          ? "Clients can install it from their next request."
          : "It will not be served; a direct request gets a 403 naming the rejection.");
    }
  }

  /** {@code holds approve}. */
  @Command(name = "approve", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Approve a held version: it is served from the next request.")
  static final class Approve extends HoldDecisionCommand {
    Approve(Map<String, String> env) {
      super(env, "approve");
    }
  }

  /** {@code holds reject}. */
  @Command(name = "reject", mixinStandardHelpOptions = true, versionProvider = Version.class,
      description = "Reject a held version: it is never served.")
  static final class Reject extends HoldDecisionCommand {
    Reject(Map<String, String> env) {
      super(env, "reject");
    }
  }
}
