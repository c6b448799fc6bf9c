package dev.lazaret.proxy.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.VersionFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the policy needs about one version from its manifest in a full packument. */
final class VersionFactsReader {

  private VersionFactsReader() {
  }

  /** The facts of {@code version}, whose manifest is {@code manifest}. */
  static VersionFacts read(String version, JsonNode manifest, Instant publishedAt) {
    return builder(version, manifest).publishedAt(publishedAt).build();
  }

  /**
   * The facts of {@code version} but its publish time, which lives in the packument's
   * {@code time} object and may come after the version in the document.
   */
  static VersionFacts.Builder builder(String version, JsonNode manifest) {
    JsonNode dist = manifest.path("dist");
    VersionFacts.Builder b = VersionFacts.builder(version)
        .publisher(NpmJson.text(manifest.path("_npmUser").path("name")))
        .maintainers(names(manifest.path("maintainers")))
        .scripts(scripts(manifest.path("scripts")))
        .hasInstallScript(manifest.path("hasInstallScript").asBoolean(false))
        // Registries attach provenance as dist.attestations.provenance (a predicate type).
        .provenance(dist.path("attestations").path("provenance").isObject());
    long fileCount = count(dist.path("fileCount"));
    if (fileCount >= 0 && fileCount <= Integer.MAX_VALUE) {
      b.fileCount((int) fileCount);
    }
    long unpackedSize = count(dist.path("unpackedSize"));
    if (unpackedSize >= 0) {
      b.unpackedSize(unpackedSize);
    }
    return b;
  }

  /** A non-negative whole number, written as a number or (by some registries) as text; else -1. */
  private static long count(JsonNode n) {
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.asLong();
    }
    if (n.isTextual() && n.asText().matches("\\d{1,18}")) {
      return Long.parseLong(n.asText());
    }
    return -1;
  }

  private static List<String> names(JsonNode people) {
    List<String> names = new ArrayList<>();
    for (JsonNode p : people) {
      // Maintainers are objects with a name; very old packuments have "name <email>" strings.
      String name = p.isTextual() ? p.asText().replaceAll("\\s*<.*$", "").strip()
          : NpmJson.text(p.path("name"));
      if (name != null && !name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  private static Map<String, String> scripts(JsonNode scripts) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : scripts.properties()) {
      if (e.getValue().isTextual()) {
        map.put(e.getKey(), e.getValue().asText());
      }
    }
    return map;
  }
}
