package dev.lazaret.proxy.npm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The renderer as it was before it streamed (a whole-document tree, mutated and written), kept
 * as the reference the streaming one must match byte for byte on well-formed documents.
 */
final class TreePackumentRenderer {

  /** Per-version fields the abbreviated form keeps: what installers read. */
  private static final List<String> ABBREVIATED_FIELDS = List.of(
      "name", "version", "deprecated", "dependencies", "optionalDependencies", "devDependencies",
      "bundleDependencies", "bundledDependencies", "peerDependencies", "peerDependenciesMeta",
      "acceptDependencies", "bin", "directories", "dist", "engines", "cpu", "os", "libc",
      "_hasShrinkwrap", "hasInstallScript", "funding");

  private static final List<String> INSTALL_SCRIPTS = List.of("preinstall", "install", "postinstall");

  /** Both forms of one rendered packument, as UTF-8 JSON. */
  record Rendered(byte[] full, byte[] abbreviated) {}

  private TreePackumentRenderer() {
  }

  /**
   * Renders both forms.
   *
   * @param baseUrl Lazaret's public base URL, ending with {@code /}
   */
  static Rendered render(PackumentIndex index, byte[] upstreamJson, VisibleVersions visible,
      String baseUrl) {
    ObjectNode root = parse(upstreamJson);
    filterAndRewrite(index, root, visible, baseUrl);
    byte[] full = write(root);
    byte[] abbreviated = write(abbreviate(root));
    return new Rendered(full, abbreviated);
  }

  /** Renders one visible version's manifest, or empty if it is not visible. */
  static Optional<byte[]> renderVersion(PackumentIndex index, byte[] upstreamJson,
      String version, String baseUrl) {
    ObjectNode root = parse(upstreamJson);
    JsonNode manifest = root.path("versions").path(version);
    if (!manifest.isObject()) {
      return Optional.empty();
    }
    rewriteUrls(index, (ObjectNode) manifest, version, baseUrl);
    return Optional.of(write(manifest));
  }

  private static void filterAndRewrite(PackumentIndex index, ObjectNode root,
      VisibleVersions visible, String baseUrl) {
    JsonNode versions = root.path("versions");
    if (versions.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = versions.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!visible.allowed().contains(e.getKey())) {
          it.remove();
        } else if (e.getValue().isObject()) {
          rewriteUrls(index, (ObjectNode) e.getValue(), e.getKey(), baseUrl);
        }
      }
    }
    JsonNode time = root.path("time");
    if (time.isObject()) {
      Iterator<String> names = time.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        if (index.versions().containsKey(key) && !visible.allowed().contains(key)) {
          names.remove();
        }
      }
    }
    ObjectNode tags = root.putObject("dist-tags");
    visible.distTags().forEach(tags::put);
  }

  private static void rewriteUrls(PackumentIndex index, ObjectNode manifest, String version,
      String baseUrl) {
    JsonNode dist = manifest.path("dist");
    if (!dist.isObject()) {
      return;
    }
    VersionEntry entry = index.versions().get(version);
    String file = entry != null ? entry.tarballFile() : index.name().bare() + "-" + version + ".tgz";
    ((ObjectNode) dist).put("tarball", baseUrl + index.name() + "/-/" + file);
    JsonNode attestations = dist.path("attestations");
    if (attestations.isObject() && attestations.has("url")) {
      ((ObjectNode) attestations).put("url",
          baseUrl + "-/npm/v1/attestations/" + index.name() + "@" + version);
    }
  }

  private static ObjectNode abbreviate(ObjectNode full) {
    ObjectNode out = NpmJson.MAPPER.createObjectNode();
    out.set("name", full.get("name"));
    JsonNode modified = full.path("time").path("modified");
    if (!modified.isMissingNode()) {
      out.set("modified", modified);
    }
    out.set("dist-tags", full.get("dist-tags"));
    ObjectNode versions = out.putObject("versions");
    for (Map.Entry<String, JsonNode> e : full.path("versions").properties()) {
      JsonNode manifest = e.getValue();
      ObjectNode slim = versions.putObject(e.getKey());
      for (String field : ABBREVIATED_FIELDS) {
        JsonNode value = manifest.get(field);
        if (value != null) {
          slim.set(field, value);
        }
      }
      JsonNode scripts = manifest.path("scripts");
      if (!slim.has("hasInstallScript") && INSTALL_SCRIPTS.stream().anyMatch(scripts::has)) {
        slim.put("hasInstallScript", true);
      }
    }
    // pnpm's and bun's own release-age gates read per-version publish times.
    JsonNode time = full.get("time");
    if (time != null) {
      out.set("time", time);
    }
    return out;
  }

  private static ObjectNode parse(byte[] json) {
    try {
      JsonNode root = NpmJson.MAPPER.readTree(json);
      if (!(root instanceof ObjectNode obj)) {
        throw new MalformedPackumentException("stored packument is not an object");
      }
      return obj;
    } catch (IOException e) {
      throw new MalformedPackumentException("stored packument is not JSON: " + e.getMessage());
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return NpmJson.MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
