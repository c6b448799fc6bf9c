package dev.lazaret.proxy.npm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored upstream packument into what clients get: hidden versions and their {@code time}
 * entries removed, dist-tags moved, tarball and attestation URLs pointed at Lazaret, and the
 * abbreviated ("corgi") form derived from the full one.
 *
 * <p>Rendering streams: the document's members are copied token by token from the stored bytes
 * to the output, and only one version's manifest at a time is a tree (to filter and rewrite it),
 * so a 100 MB packument costs the heap its stored bytes plus one manifest, whatever the size of
 * the output. Versions the index does not list (dropped as malformed) are treated as hidden.
 */
public final class PackumentRenderer {

  /** Per-version fields the abbreviated form keeps: what installers read. */
  private static final List<String> ABBREVIATED_FIELDS = List.of(
      "name", "version", "deprecated", "dependencies", "optionalDependencies", "devDependencies",
      "bundleDependencies", "bundledDependencies", "peerDependencies", "peerDependenciesMeta",
      "acceptDependencies", "bin", "directories", "dist", "engines", "cpu", "os", "libc",
      "_hasShrinkwrap", "hasInstallScript", "funding");

  private static final List<String> INSTALL_SCRIPTS = List.of("preinstall", "install", "postinstall");

  /** Bounds the members of the document's top level and of its {@code versions} object. */
  private static final int MAX_MEMBERS = PackumentIndex.MAX_MEMBERS;

  /** Both forms of one rendered packument, as UTF-8 JSON. */
  public record Rendered(byte[] full, byte[] abbreviated) {}

  private PackumentRenderer() {
  }

  /**
   * Renders both forms into heap arrays: for small documents and tests; the server renders
   * into its own buffers with {@link #render(PackumentIndex, byte[], VisibleVersions, String,
   * OutputStream, OutputStream)}.
   *
   * @param baseUrl Lazaret's public base URL, ending with {@code /}
   */
  public static Rendered render(PackumentIndex index, byte[] upstreamJson, VisibleVersions visible,
      String baseUrl) {
    ByteArrayOutputStream full = new ByteArrayOutputStream();
    ByteArrayOutputStream abbreviated = new ByteArrayOutputStream();
    render(index, upstreamJson, visible, baseUrl, full, abbreviated);
    return new Rendered(full.toByteArray(), abbreviated.toByteArray());
  }

  /**
   * Renders both forms in one pass over the document, writing each to its stream (not closed).
   *
   * @param baseUrl Lazaret's public base URL, ending with {@code /}
   * @throws MalformedPackumentException if the stored document is not a JSON object
   */
  public static void render(PackumentIndex index, byte[] upstreamJson, VisibleVersions visible,
      String baseUrl, OutputStream fullOut, OutputStream abbreviatedOut) {
    try {
      new Pass(index, upstreamJson, visible, baseUrl).write(fullOut, abbreviatedOut);
    } catch (MalformedPackumentException e) {
      throw e;
    } catch (IOException e) {
      throw new MalformedPackumentException("stored packument is not JSON: " + e.getMessage());
    }
  }

  /** Renders one visible version's manifest, or empty if it is not visible. */
  public static Optional<byte[]> renderVersion(PackumentIndex index, byte[] upstreamJson,
      String version, String baseUrl) {
    if (!index.versions().containsKey(version)) {
      // Unknown or dropped as malformed: nothing to seek.
      return Optional.empty();
    }
    Optional<ObjectNode> manifest = manifest(upstreamJson, version);
    manifest.ifPresent(m -> rewriteUrls(index, m, version, baseUrl));
    return manifest.map(m -> {
      try {
        return NpmJson.MAPPER.writeValueAsBytes(m);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * One version's manifest as the upstream wrote it, found by seeking through the document
   * (every member before it is skipped as tokens, none is built), or empty if it has none that
   * is an object of at most {@link PackumentIndex#MAX_VERSION_BYTES}. For callers that need one
   * version of a possibly huge packument.
   *
   * @throws MalformedPackumentException if the document is not JSON
   */
  public static Optional<ObjectNode> manifest(byte[] upstreamJson, String version) {
    try {
      JsonSpans.Span versions = JsonSpans.member(upstreamJson, JsonSpans.whole(upstreamJson),
          "versions");
      JsonSpans.Span span = versions == null ? null
          : JsonSpans.member(upstreamJson, versions, version);
      if (span == null || span.length() > PackumentIndex.MAX_VERSION_BYTES) {
        return Optional.empty();
      }
      return readTree(upstreamJson, span) instanceof ObjectNode m ? Optional.of(m)
          : Optional.empty();
    } catch (IOException e) {
      throw new MalformedPackumentException("stored packument is not JSON: " + e.getMessage());
    }
  }

  /** One rendering of both forms. */
  private static final class Pass {
    private final PackumentIndex index;
    private final byte[] json;
    private final VisibleVersions visible;
    private final String baseUrl;

    Pass(PackumentIndex index, byte[] json, VisibleVersions visible, String baseUrl) {
      this.index = index;
      this.json = json;
      this.visible = visible;
      this.baseUrl = baseUrl;
    }

    /**
     * The full form copies the document's members in order, rewriting three; the abbreviated
     * form's own order (name, modified, dist-tags, versions, time) is fixed, so it takes name and
     * modified up front and writes each version as the full form reaches it.
     */
    void write(OutputStream fullOut, OutputStream abbreviatedOut) throws IOException {
      Map<String, JsonSpans.Span> top = topLevel(json);
      JsonSpans.Span time = top.get("time");
      try (JsonGenerator full = NpmJson.MAPPER.getFactory().createGenerator(fullOut);
          JsonGenerator corgi = NpmJson.MAPPER.getFactory().createGenerator(abbreviatedOut)) {
        corgi.writeStartObject();
        corgi.writeFieldName("name");
        copyOrNull(top.get("name"), corgi);
        JsonSpans.Span modified = modified(time);
        if (modified != null) {
          corgi.writeFieldName("modified");
          copy(modified, corgi);
        }
        corgi.writeFieldName("dist-tags");
        writeTags(corgi);
        corgi.writeFieldName("versions");
        corgi.writeStartObject();

        full.writeStartObject();
        for (Map.Entry<String, JsonSpans.Span> member : top.entrySet()) {
          full.writeFieldName(member.getKey());
          switch (member.getKey()) {
            case "versions" -> writeVersions(member.getValue(), full, corgi);
            case "time" -> writeTime(member.getValue(), full);
            case "dist-tags" -> writeTags(full);
            default -> copy(member.getValue(), full);
          }
        }
        if (!top.containsKey("dist-tags")) {
          full.writeFieldName("dist-tags");
          writeTags(full);
        }
        full.writeEndObject();

        corgi.writeEndObject();
        // pnpm's and bun's own release-age gates read per-version publish times.
        if (time != null) {
          corgi.writeFieldName("time");
          writeTime(time, corgi);
        }
        corgi.writeEndObject();
      }
    }

    private void writeVersions(JsonSpans.Span span, JsonGenerator full, JsonGenerator corgi)
        throws IOException {
      Map<String, JsonSpans.Span> versions = JsonSpans.members(json, span, MAX_MEMBERS);
      if (versions == null) {
        copy(span, full);
        return;
      }
      full.writeStartObject();
      for (Map.Entry<String, JsonSpans.Span> v : versions.entrySet()) {
        String version = v.getKey();
        // The index bounded the size of every version it lists; the others are hidden or dropped.
        if (!visible.allowed().contains(version) || !index.versions().containsKey(version)) {
          continue;
        }
        JsonNode manifest = readTree(json, v.getValue());
        if (manifest.isObject()) {
          rewriteUrls(index, (ObjectNode) manifest, version, baseUrl);
        }
        full.writeFieldName(version);
        full.writeTree(manifest);
        corgi.writeFieldName(version);
        corgi.writeTree(abbreviate(manifest));
      }
      full.writeEndObject();
    }

    /** Copies {@code time} without the entries of versions clients do not get. */
    private void writeTime(JsonSpans.Span span, JsonGenerator out) throws IOException {
      try (JsonParser p = JsonSpans.parser(json, span)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          out.copyCurrentStructure(p);
          return;
        }
        out.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          if (hiddenTime(key)) {
            p.skipChildren();
          } else {
            out.writeFieldName(key);
            out.copyCurrentStructure(p);
          }
        }
        out.writeEndObject();
      }
    }

    /** {@code time.modified} as clients see it, or null. */
    private JsonSpans.Span modified(JsonSpans.Span time) throws IOException {
      if (time == null || hiddenTime("modified")) {
        return null;
      }
      return JsonSpans.member(json, time, "modified");
    }

    private boolean hiddenTime(String key) {
      return (index.versions().containsKey(key) && !visible.allowed().contains(key))
          || index.dropped().containsKey(key);
    }

    private void writeTags(JsonGenerator out) throws IOException {
      out.writeStartObject();
      for (Map.Entry<String, String> tag : visible.distTags().entrySet()) {
        out.writeStringField(tag.getKey(), tag.getValue());
      }
      out.writeEndObject();
    }

    private void copyOrNull(JsonSpans.Span span, JsonGenerator out) throws IOException {
      if (span == null) {
        out.writeNull();
      } else {
        copy(span, out);
      }
    }

    private void copy(JsonSpans.Span span, JsonGenerator out) throws IOException {
      try (JsonParser p = JsonSpans.parser(json, span)) {
        p.nextToken();
        out.copyCurrentStructure(p);
      }
    }
  }

  private static Map<String, JsonSpans.Span> topLevel(byte[] json) throws IOException {
    Map<String, JsonSpans.Span> top = JsonSpans.members(json, JsonSpans.whole(json), MAX_MEMBERS);
    if (top == null) {
      throw new MalformedPackumentException("stored packument is not an object");
    }
    return top;
  }

  private static JsonNode readTree(byte[] json, JsonSpans.Span span) throws IOException {
    try (JsonParser p = JsonSpans.parser(json, span)) {
      return NpmJson.MAPPER.readTree(p);
    }
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

  /** The install-relevant part of one (rewritten) manifest. */
  private static ObjectNode abbreviate(JsonNode manifest) {
    ObjectNode slim = NpmJson.MAPPER.createObjectNode();
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
    return slim;
  }
}
