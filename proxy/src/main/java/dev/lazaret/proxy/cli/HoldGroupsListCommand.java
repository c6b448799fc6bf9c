package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.npm.NpmJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lazaret holds groups}: held versions grouped by release, newest first, every page. */
@Command(name = "groups", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List held versions grouped by release (same publisher and scope, published"
        + " within minutes of each other), newest first.")
final class HoldGroupsListCommand extends AdminCommand {

  /** The most groups asked for per page. */
  private static final int PAGE = 100;

  @Option(names = "--members", description = "List each group's members under it.")
  private boolean members;

  private final Clock clock;

  /** @param clock what the times shown are relative to */
  HoldGroupsListCommand(Map<String, String> env, Clock clock) {
    super(env);
    this.clock = clock;
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    List<JsonNode> groups = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = client.get("api/hold-groups?limit=" + PAGE
          + (cursor == null ? "" : "&cursor=" + AdminClient.query(cursor)));
      JsonNode items = page.path("items");
      items.forEach(groups::add);
      JsonNode next = page.path("next");
      // An empty page with a cursor would loop forever; a sane API never sends one.
      cursor = next.isTextual() && !items.isEmpty() ? next.asText() : null;
    } while (cursor != null);
    if (json()) {
      ObjectNode result = NpmJson.MAPPER.createObjectNode();
      ArrayNode array = result.putArray("items");
      groups.forEach(array::add);
      printJson(result);
      return;
    }
    if (groups.isEmpty()) {
      out().println("No held versions.");
      return;
    }
    ShownTimes times = new ShownTimes(clock.instant());
    TextTable table = new TextTable("ID", "PUBLISHER", "SCOPE", "HELD", "RISKY", "FIRST",
        "LAST", "MEMBERS");
    for (JsonNode g : groups) {
      List<String> names = new ArrayList<>();
      g.path("members").forEach(m -> names.add(m.asText()));
      table.row(g.path("id").asText(), g.path("publisher").asText(""),
          g.path("scope").asText(""), g.path("count").asText(),
          g.path("risky").asInt() == 0 ? "" : g.path("risky").asText(),
          times.of(g.get("firstPublished")), times.of(g.get("lastPublished")),
          members ? String.join(" ", names) : summary(names));
    }
    table.print(out(), "");
    out().println();
    out().println("Decide a whole group: lazaret holds approve-group ID --reason TEXT"
        + " (or reject-group)");
  }

  /** The first members and how many more, so one line stays readable for 92 packages. */
  private static String summary(List<String> names) {
    if (names.size() <= 3) {
      return String.join(" ", names);
    }
    return String.join(" ", names.subList(0, 3)) + " (+" + (names.size() - 3) + " more)";
  }
}
