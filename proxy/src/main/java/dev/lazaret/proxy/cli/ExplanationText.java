package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints an {@code Explanation} from the admin API for a terminal: the verdict, the reasons,
 * every signal, the publisher, any decision, then the diff against the last allowed version.
 * Missing parts are skipped, so an older or newer API still prints what it has.
 */
final class ExplanationText {

  private final PrintWriter out;
  /** Lines the diff has printed so far, to say so when nothing changed. */
  private int lines;
  /** The version the manifest diff is against; the tarball diff says when it differs. */
  private String diffAgainst;

  /** What the times are shown relative to: one "now" for the whole explanation. */
  private final ShownTimes times;

  ExplanationText(PrintWriter out, ShownTimes times) {
    this.out = out;
    this.times = times;
  }

  /** Prints {@code e}. */
  void print(JsonNode e) {
    String verdict = e.path("verdict").asText("unknown");
    String state = e.path("hold").path("state").asText(verdict);
    out.println(e.path("package").asText() + "@" + e.path("version").asText() + ": " + state
        + (e.path("risky").asBoolean() ? " (risky)" : "")
        + end(e.get("until")));
    publisher(e.path("publisher"));
    decision(e.path("decision").isObject() ? e.path("decision")
        : e.path("hold").path("decision"));
    list("Reasons", e.path("reasons"));
    signals(e.path("signals"));
    diff(e.path("diff"));
  }

  /**
   * When the hold ends, in the words of the 403 a client gets ({@code , released in 6 days
   * (...)}), or when it ended; empty if the API gave no end.
   */
  private String end(JsonNode until) {
    if (until == null || until.isNull()) {
      return "";
    }
    return (times.isPast(until) ? ", cooldown ended " : ", released ") + times.of(until);
  }

  private void publisher(JsonNode p) {
    if (!p.isObject()) {
      return;
    }
    List<String> facts = new ArrayList<>();
    if (p.hasNonNull("firstSeenAnywhere")) {
      facts.add("first seen anywhere " + times.of(p.get("firstSeenAnywhere")));
    }
    if (p.hasNonNull("packagesMaintained")) {
      int n = p.get("packagesMaintained").asInt();
      facts.add("maintains " + n + (n == 1 ? " package" : " packages"));
    }
    if (p.hasNonNull("knownSince")) {
      facts.add("first known to Lazaret " + times.of(p.get("knownSince")));
    }
    out.println("Publisher: " + p.path("name").asText("(unknown)")
        + (facts.isEmpty() ? "" : " (" + String.join("; ", facts) + ")"));
  }

  private void decision(JsonNode d) {
    if (!d.isObject()) {
      return;
    }
    String note = d.path("note").asText(d.path("reason").asText(""));
    out.println("Decision: " + (d.path("approved").asBoolean() ? "approved" : "rejected")
        + " by " + d.path("analyst").asText(d.path("actor").asText("?"))
        + (d.hasNonNull("at") ? " " + times.of(d.get("at")) : "")
        + (note.isEmpty() ? "" : ": \"" + note + "\""));
  }

  private void list(String heading, JsonNode items) {
    if (items.isEmpty()) {
      return;
    }
    out.println();
    out.println(heading + ":");
    items.forEach(r -> out.println("  - " + r.asText()));
  }

  private void signals(JsonNode signals) {
    if (signals.isEmpty()) {
      return;
    }
    out.println();
    out.println("Signals:");
    TextTable table = new TextTable("FIRED", "SIGNAL", "VALUE", "FINDING");
    signals.forEach(s -> table.row(s.path("fired").asBoolean() ? "yes" : "no",
        s.path("id").asText(), s.path("value").asText(""), s.path("sentence").asText("")));
    table.print(out, "  ");
  }

  private void diff(JsonNode diff) {
    if (!diff.isObject()) {
      return;
    }
    out.println();
    if (!diff.hasNonNull("against")) {
      out.println("Changes: no earlier allowed version to compare with.");
      return;
    }
    out.println("Changes since " + diff.get("against").asText() + ":");
    diffAgainst = diff.get("against").asText();
    int before = lines;
    dependencies(diff.path("dependencies"));
    scripts(diff.path("scripts"));
    names("maintainers added", diff.path("maintainers").path("added"));
    names("maintainers removed", diff.path("maintainers").path("removed"));
    fromTo("publisher", diff.path("publisher"));
    fromTo("provenance", diff.path("provenance"));
    files(diff.path("files"));
    if (lines == before) {
      line("nothing that Lazaret compares changed");
    }
  }

  private void line(String text) {
    out.println("  " + text);
    lines++;
  }

  private void dependencies(JsonNode deps) {
    deps.path("added").properties().forEach(d ->
        line("dependency added: " + d.getKey() + " " + d.getValue().asText()));
    deps.path("removed").properties().forEach(d ->
        line("dependency removed: " + d.getKey() + " " + d.getValue().asText()));
    deps.path("changed").properties().forEach(d -> line("dependency changed: " + d.getKey()
        + " " + d.getValue().path("from").asText() + " -> " + d.getValue().path("to").asText()));
  }

  private void scripts(JsonNode scripts) {
    // Script text is the most telling part of a diff: show it whole, on its own line.
    for (Map.Entry<String, JsonNode> s : scripts.path("added").properties()) {
      line("script added: " + s.getKey());
      out.println("      " + s.getValue().asText());
    }
    for (Map.Entry<String, JsonNode> s : scripts.path("changed").properties()) {
      line("script changed: " + s.getKey());
      out.println("      was: " + s.getValue().path("from").asText());
      out.println("      now: " + s.getValue().path("to").asText());
    }
    for (Map.Entry<String, JsonNode> s : scripts.path("removed").properties()) {
      line("script removed: " + s.getKey());
    }
  }

  private void names(String label, JsonNode names) {
    if (!names.isEmpty()) {
      List<String> all = new ArrayList<>();
      names.forEach(n -> all.add(n.isObject() ? n.path("name").asText() : n.asText()));
      line(label + ": " + String.join(", ", all));
    }
  }

  /** A {@code {from, to}} pair, shown only when it changed; booleans read present/absent. */
  private void fromTo(String label, JsonNode change) {
    if (!change.isObject() || change.path("from").equals(change.path("to"))) {
      return;
    }
    line(label + ": " + shown(change.path("from")) + " -> " + shown(change.path("to")));
  }

  private static String shown(JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean() ? "present" : "absent";
    }
    return value.isNull() || value.isMissingNode() ? "none" : value.asText();
  }

  private void files(JsonNode files) {
    if (files.isNull() || files.isMissingNode()) {
      line("files: not inspected yet (the tarball has not been fetched)");
      return;
    }
    if (files.hasNonNull("against") && !files.get("against").asText()
        .equals(diffAgainst)) {
      line("files compared with " + files.get("against").asText());
    }
    if (files.hasNonNull("incomplete")) {
      line("files: inspection incomplete: " + files.get("incomplete").asText());
    }
    fileList("file added", files.path("added"));
    fileList("file removed", files.path("removed"));
    for (JsonNode f : files.path("changed")) {
      line("file changed: " + f.path("path").asText() + " (" + f.path("from").asLong()
          + " -> " + f.path("to").asLong() + " bytes)");
      indented(f.path("diff").asText(""));
    }
    files.path("nativeBinaries").forEach(b -> line("native binary added or changed: "
        + b.asText()));
    JsonNode scripts = files.path("installScripts");
    scripts.path("added").properties().forEach(e -> line("install script added: " + e.getKey()
        + ": " + e.getValue().asText()));
    scripts.path("changed").properties().forEach(e -> line("install script changed: "
        + e.getKey() + ": " + e.getValue().asText()));
    scripts.path("removed").properties().forEach(e -> line("install script removed: "
        + e.getKey()));
    // What an install script runs is shown whole (bounded by the inspection): it is the payload.
    files.path("scriptFiles").properties().forEach(e -> {
      line("run by an install script: " + e.getKey());
      indented(e.getValue().asText());
    });
    if (files.path("omitted").asInt() > 0) {
      line(files.get("omitted").asInt() + " more file changes not listed");
    }
  }

  private void indented(String text) {
    if (text.isEmpty()) {
      return;
    }
    for (String l : text.split("\n", -1)) {
      out.println("      " + l);
    }
  }

  private void fileList(String label, JsonNode files) {
    files.forEach(f -> line(label + ": " + f.path("path").asText()
        + (f.hasNonNull("size") ? " (" + f.get("size").asLong() + " bytes)" : "")));
  }
}
