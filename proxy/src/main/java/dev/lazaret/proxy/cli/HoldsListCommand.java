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
import picocli.CommandLine.ParameterException;

/** {@code lazaret holds list}: recorded holds, newest first, following the API's pages. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "List holds, newest first (default: those still held).")
final class HoldsListCommand extends AdminCommand {

  private static final List<String> STATES =
      List.of("held", "approved", "rejected", "released", "blocked", "all");

  @Option(names = "--state", paramLabel = "STATE", defaultValue = "held",
      description = "held, approved, rejected, released, blocked or all."
          + " Default: ${DEFAULT-VALUE}")
  private String state;

  @Option(names = "--risky", description = "Only versions judged risky.")
  private boolean risky;

  @Option(names = {"-q", "--query"}, paramLabel = "TEXT",
      description = "Only holds whose package, version or publisher contains TEXT.")
  private String query;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "Show at most N holds per page. Default: ${DEFAULT-VALUE}")
  private int limit;

  @Option(names = "--cursor", paramLabel = "CURSOR",
      description = "Start after the place a previous page's footer (or JSON 'next') names.")
  private String startCursor;

  @Option(names = "--all", description = "Follow every page: all matching holds.")
  private boolean all;

  private final Clock clock;

  /** @param clock what the times shown are relative to */
  HoldsListCommand(Map<String, String> env, Clock clock) {
    super(env);
    this.clock = clock;
  }

  @Override
  void run(AdminClient client) throws AdminApiException {
    if (!STATES.contains(state)) {
      throw new ParameterException(spec.commandLine(), "--state '" + state + "': expected one"
          + " of " + String.join(", ", STATES));
    }
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    List<JsonNode> items = new ArrayList<>();
    String cursor = startCursor;
    do {
      int want = all ? limit : limit - items.size();
      JsonNode page = client.get(path(want, cursor));
      JsonNode pageItems = page.path("items");
      pageItems.forEach(item -> {
        if (all || items.size() < limit) {
          items.add(item);
        }
      });
      JsonNode next = page.path("next");
      // An empty page with a cursor would loop forever; a sane API never sends one.
      cursor = next.isTextual() && !pageItems.isEmpty() ? next.asText() : null;
    } while (cursor != null && (all || items.size() < limit));
    if (json()) {
      ObjectNode result = NpmJson.MAPPER.createObjectNode();
      ArrayNode array = result.putArray("items");
      items.forEach(array::add);
      result.put("next", cursor);
      printJson(result);
    } else {
      print(items);
      if (cursor != null) {
        // Never stop silently: say that there is more, and how to see it.
        out().println();
        out().println(items.size() + " shown; there are more. Next page: lazaret holds list"
            + options() + " --cursor " + cursor + "   (or --all for every page)");
      }
    }
  }

  /** The filters of this listing, as options, for the command that shows the next page. */
  private String options() {
    StringBuilder options = new StringBuilder(" --state ").append(state);
    if (risky) {
      options.append(" --risky");
    }
    if (query != null) {
      options.append(" --query '").append(query.replace("'", "'\\''")).append('\'');
    }
    if (limit != 50) {
      options.append(" --limit ").append(limit);
    }
    return options.toString();
  }

  private String path(int pageLimit, String cursor) {
    StringBuilder path = new StringBuilder("api/holds?state=").append(state)
        .append("&limit=").append(pageLimit);
    if (risky) {
      path.append("&risky=true");
    }
    if (query != null) {
      path.append("&q=").append(AdminClient.query(query));
    }
    if (cursor != null) {
      path.append("&cursor=").append(AdminClient.query(cursor));
    }
    return path.toString();
  }

  private void print(List<JsonNode> items) {
    if (items.isEmpty()) {
      out().println("No holds" + (state.equals("all") ? "" : " in state " + state)
          + (risky ? " judged risky" : "") + (query == null ? "" : " matching '" + query + "'")
          + ".");
      return;
    }
    ShownTimes times = new ShownTimes(clock.instant());
    TextTable table = new TextTable("PACKAGE", "VERSION", "STATE", "RISKY", "PUBLISHER",
        "PUBLISHED", "UNTIL", "SIGNALS");
    for (JsonNode h : items) {
      List<String> signals = new ArrayList<>();
      h.path("signals").forEach(s -> signals.add(s.asText()));
      table.row(h.path("package").asText(), h.path("version").asText(),
          h.path("state").asText(), h.path("risky").asBoolean() ? "risky" : "",
          h.path("publisher").asText(""), times.of(h.get("publishedAt")),
          times.of(h.get("until")), String.join(",", signals));
    }
    table.print(out(), "");
  }
}
