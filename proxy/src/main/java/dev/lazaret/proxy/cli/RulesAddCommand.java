package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.config.ConfigException;
import dev.lazaret.proxy.config.Instants;
import dev.lazaret.proxy.npm.NpmJson;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code lazaret rules add (--trust|--deny) (--publisher X|--package X [--version V]|--scope @x)
 * [--until WHEN] --note TEXT}. No {@code --version} flag for Lazaret's version here: it names
 * the package version a rule covers.
 */
@Command(name = "add", versionProvider = Version.class,
    description = {"Add a trust rule (skips the base cooldown) or a deny rule (blocks).",
        "Example: lazaret rules add --deny --package event-stream --version 3.3.6 \\",
        "           --note \"compromised release\""})
final class RulesAddCommand extends AdminCommand {

  /** Trust or deny: exactly one. */
  static final class Effect {
    @Option(names = "--trust", required = true,
        description = "Trust: skip the base cooldown (risky holds and blocks still apply).")
    boolean trust;

    @Option(names = "--deny", required = true, description = "Deny: never serve it.")
    boolean deny;
  }

  /** What the rule covers: exactly one. */
  static final class Target {
    @Option(names = "--publisher", paramLabel = "ACCOUNT", required = true,
        description = "Every version this npm account publishes.")
    String publisher;

    @Option(names = "--package", paramLabel = "NAME", required = true,
        description = "A package (or one version of it, with --version).")
    String packageName;

    @Option(names = "--scope", paramLabel = "@SCOPE", required = true,
        description = "Every package in a scope, e.g. @acme.")
    String scope;
  }

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Effect (one of):%n")
  private Effect effect;

  @ArgGroup(exclusive = true, multiplicity = "1", heading = "Target (one of):%n")
  private Target target;

  @Option(names = "--version", paramLabel = "VERSION",
      description = "With --package: only this version.")
  private String version;

  @Option(names = "--until", paramLabel = "WHEN",
      description = "Expiry: a UTC date (2027-06-30) or a time (2027-06-30T12:00:00Z).")
  private String until;

  @Option(names = "--note", paramLabel = "TEXT", required = true,
      description = "Why; shown in verdicts and kept in the audit log.")
  private String note;

  private final Clock clock;

  /** @param clock what the times shown are relative to */
  RulesAddCommand(Map<String, String> env, Clock clock) {
    super(env);
    this.clock = clock;
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    JsonNode rule = client.post("api/rules", body());
    if (json()) {
      printJson(rule);
    } else {
      out().println("Added rule " + rule.path("id").asText() + ": " + rule.path("effect")
          .asText() + " " + rule.path("kind").asText() + " " + rule.path("name").asText()
          + (rule.hasNonNull("version") ? "@" + rule.get("version").asText() : "")
          + (rule.hasNonNull("expiresAt") ? ", expires "
              + new ShownTimes(clock.instant()).of(rule.get("expiresAt"))
              : ""));
    }
  }

  private ObjectNode body() {
    if (version != null && target.packageName == null) {
      throw usage("--version goes with --package: --package NAME --version 1.2.3");
    }
    if (note.isBlank()) {
      throw usage("--note must say why");
    }
    ObjectNode body = NpmJson.MAPPER.createObjectNode();
    body.put("effect", effect.trust ? "trust" : "deny");
    if (target.publisher != null) {
      body.put("publisher", target.publisher);
    } else if (target.packageName != null) {
      body.put("package", target.packageName);
    } else {
      body.put("scope", target.scope);
    }
    if (version != null) {
      body.put("version", version);
    }
    if (until != null) {
      try {
        body.put("until", Instants.parse(until).toString());
      } catch (ConfigException e) {
        throw usage("--until '" + until + "': " + e.getMessage());
      }
    }
    body.put("note", note);
    return body;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
