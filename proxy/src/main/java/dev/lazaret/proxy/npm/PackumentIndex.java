package dev.lazaret.proxy.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.storage.TarballDigest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compact digest of one packument, parsed once per upstream change: the versions, their
 * tarballs and digests, publish times and dist-tags. Small enough to keep hot; the document itself
 * stays in the store.
 */
public final class PackumentIndex {

  /**
   * A version manifest larger than this is dropped as malformed: real ones are a few KiB (the
   * largest, with a readme of their own, some hundred KiB), and each is read as a tree.
   */
  public static final int MAX_VERSION_BYTES = 8 << 20;

  /** A document with more versions is refused: each costs the index about a KiB of heap. */
  public static final int MAX_VERSIONS = 100_000;

  /** A document whose top level, {@code time} or {@code dist-tags} has more members is refused. */
  static final int MAX_MEMBERS = 2 * MAX_VERSIONS;

  private static final Logger log = LoggerFactory.getLogger(PackumentIndex.class);
  private static final LongAdder DROPPED_TOTAL = new LongAdder();

  private final PackageName name;
  private final Map<String, VersionEntry> versions;
  private final Map<String, String> versionByFile;
  private final Map<String, String> distTags;
  private final Instant created;
  private final Instant modified;
  private final List<VersionFacts> versionFacts;
  private final Map<String, String> dropped;

  private PackumentIndex(PackageName name, Map<String, VersionEntry> versions,
      Map<String, String> distTags, Instant created, Instant modified,
      List<VersionFacts> versionFacts, Map<String, String> dropped) {
    this.name = name;
    this.dropped = Collections.unmodifiableMap(dropped);
    this.versions = Collections.unmodifiableMap(versions);
    this.versionFacts = List.copyOf(versionFacts);
    this.distTags = Collections.unmodifiableMap(distTags);
    this.created = created;
    this.modified = modified;
    Map<String, String> byFile = new LinkedHashMap<>();
    versions.values().forEach(v -> byFile.put(v.tarballFile(), v.version()));
    this.versionByFile = Collections.unmodifiableMap(byFile);
  }

  /**
   * Parses an upstream packument with a streaming parser: only one version's manifest is ever a
   * tree, so a 100 MB document costs its bytes and this index, not a tree of it. A version that
   * cannot be served (not an object, a non-string {@code version}, an invalid tarball URL, larger
   * than {@link #MAX_VERSION_BYTES}) is dropped, logged and counted; the rest is indexed.
   *
   * @param upstreamBase resolves relative tarball URLs (some registries write them so)
   * @throws MalformedPackumentException if the document is not a packument: not JSON, not an
   *     object, {@code versions} not an object, or more than {@link #MAX_VERSIONS} versions
   */
  public static PackumentIndex parse(PackageName name, byte[] json, URI upstreamBase) {
    try {
      return new StreamingParse(name, json, upstreamBase).run();
    } catch (IOException e) {
      throw new MalformedPackumentException("upstream packument for " + name + " is not JSON: "
          + e.getMessage());
    }
  }

  /** One pass over the document's top level; each member is read or skipped as it comes. */
  private static final class StreamingParse {
    private final PackageName name;
    private final byte[] json;
    private final URI upstreamBase;
    private final Map<String, PendingVersion> pending = new LinkedHashMap<>();
    private final Map<String, String> dropped = new LinkedHashMap<>();
    private final Map<String, Instant> times = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    StreamingParse(PackageName name, byte[] json, URI upstreamBase) {
      this.name = name;
      this.json = json;
      this.upstreamBase = upstreamBase;
    }

    PackumentIndex run() throws IOException {
      try (JsonParser p = NpmJson.MAPPER.getFactory().createParser(json)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new MalformedPackumentException(
              "upstream packument for " + name + " is not an object");
        }
        // Stops at the root's end: trailing bytes are ignored, as a tree read ignores them.
        int members = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          if (++members > MAX_MEMBERS) {
            throw new MalformedPackumentException("upstream packument for " + name
                + " has more than " + MAX_MEMBERS + " members");
          }
          String field = p.currentName();
          JsonToken value = p.nextToken();
          // A member given twice counts with its last value, as in a tree.
          switch (field) {
            case "versions" -> versions(p, value);
            case "time" -> times(p, value);
            case "dist-tags" -> tags(p, value);
            default -> p.skipChildren();
          }
        }
      }
      if (!dropped.isEmpty()) {
        DROPPED_TOTAL.add(dropped.size());
        log.warn("{}: served without {} malformed version(s) of the upstream packument: {}", name,
            dropped.size(), summary(dropped));
      }
      Map<String, VersionEntry> versions = new LinkedHashMap<>();
      List<VersionFacts> facts = new ArrayList<>();
      pending.forEach((version, v) -> {
        Instant publishedAt = times.get(version);
        facts.add(v.facts().publishedAt(publishedAt).build());
        versions.put(version, new VersionEntry(version, v.file(), v.absolute(), v.digest(),
            publishedAt, v.publisher()));
      });
      Map<String, String> distTags = new LinkedHashMap<>(tags);
      distTags.values().removeIf(Objects::isNull);
      return new PackumentIndex(name, versions, distTags, times.get("created"),
          times.get("modified"), facts, dropped);
    }

    private void versions(JsonParser p, JsonToken value) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        // Not a damaged version but a damaged document: dropping every version would read as
        // "all unpublished"; the caller keeps its last good copy instead.
        throw new MalformedPackumentException(
            "upstream packument for " + name + " has \"versions\" that is not an object");
      }
      pending.clear();
      dropped.clear();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String version = p.currentName();
        JsonToken token = p.nextToken();
        JsonSpans.Span span = JsonSpans.consumeValue(p);
        pending.remove(version);
        dropped.remove(version);
        String problem = token != JsonToken.START_OBJECT ? "not an object"
            : span.length() > MAX_VERSION_BYTES ? "larger than " + MAX_VERSION_BYTES + " bytes"
            : version.isBlank() ? "an empty version string"
            : null;
        if (problem == null) {
          problem = index(version, span);
        }
        if (problem != null) {
          dropped.put(version, problem);
        }
        if (pending.size() + dropped.size() > MAX_VERSIONS) {
          throw new MalformedPackumentException("upstream packument for " + name
              + " has more than " + MAX_VERSIONS + " versions");
        }
      }
    }

    /** Indexes one version's manifest; the reason it cannot be served, or null. */
    private String index(String version, JsonSpans.Span span) throws IOException {
      JsonNode manifest;
      try (JsonParser one = JsonSpans.parser(json, span)) {
        manifest = NpmJson.MAPPER.readTree(one);
      }
      JsonNode declared = manifest.path("version");
      if (!declared.isMissingNode() && !declared.isTextual()) {
        return "its \"version\" is not a string";
      }
      try {
        pending.put(version, PendingVersion.of(name, version, manifest, upstreamBase));
        return null;
      } catch (IllegalArgumentException e) {
        // URI.resolve refuses what is not a URI reference: "http://a b/", "%zz", ...
        return "dist.tarball is not a valid URL (" + e.getMessage() + ")";
      } catch (RuntimeException e) {
        return e.toString();
      }
    }

    private void times(JsonParser p, JsonToken value) throws IOException {
      times.clear();
      if (value != JsonToken.START_OBJECT) {
        p.skipChildren();
        return;
      }
      int entries = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        if (++entries > MAX_MEMBERS) {
          throw new MalformedPackumentException("upstream packument for " + name
              + " has more than " + MAX_MEMBERS + " times");
        }
        String key = p.currentName();
        Instant at = p.nextToken() == JsonToken.VALUE_STRING ? instant(p.getText()) : null;
        p.skipChildren();
        times.remove(key);
        if (at != null) {
          times.put(key, at);
        }
      }
    }

    private void tags(JsonParser p, JsonToken value) throws IOException {
      tags.clear();
      if (value != JsonToken.START_OBJECT) {
        p.skipChildren();
        return;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String tag = p.currentName();
        // A non-string tag is kept as a null placeholder, so a later string value of the same
        // tag keeps the first position, as in a tree.
        tags.put(tag, p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null);
        p.skipChildren();
        if (tags.size() > MAX_MEMBERS) {
          throw new MalformedPackumentException("upstream packument for " + name
              + " has more than " + MAX_MEMBERS + " dist-tags");
        }
      }
    }

    private static Instant instant(String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private static String summary(Map<String, String> dropped) {
      StringBuilder s = new StringBuilder();
      dropped.entrySet().stream().limit(5).forEach(e -> s.append(s.isEmpty() ? "" : "; ")
          .append(e.getKey().length() > 64 ? e.getKey().substring(0, 64) + "..." : e.getKey())
          .append(": ").append(e.getValue()));
      // Versions and reasons are upstream text: no control characters into the log.
      String text = s.toString().replaceAll("\\p{Cntrl}", "?");
      return dropped.size() > 5 ? text + "; ..." : text;
    }
  }

  /** What the index keeps of one version until its publish time is known. */
  private record PendingVersion(String file, String absolute, Optional<TarballDigest> digest,
      String publisher, VersionFacts.Builder facts) {

    static PendingVersion of(PackageName name, String version, JsonNode manifest,
        URI upstreamBase) {
      JsonNode dist = manifest.path("dist");
      String tarballUrl = NpmJson.text(dist.path("tarball"));
      String file = tarballUrl == null ? null : lastSegment(tarballUrl);
      if (file == null || file.isEmpty()) {
        file = name.bare() + "-" + version + ".tgz";
      }
      String absolute = tarballUrl == null
          ? upstreamBase.resolve(name.pathSegment() + "/-/" + file).toString()
          : upstreamBase.resolve(tarballUrl).toString();
      return new PendingVersion(file, absolute,
          Integrity.expected(NpmJson.text(dist.path("integrity")),
              NpmJson.text(dist.path("shasum"))),
          NpmJson.text(manifest.path("_npmUser").path("name")),
          VersionFactsReader.builder(version, manifest));
    }
  }

  /** Versions dropped as malformed from every packument indexed in this process. */
  public static long droppedVersionsTotal() {
    return DROPPED_TOTAL.sum();
  }

  /** The versions dropped from this document as malformed, each with the reason. */
  public Map<String, String> dropped() {
    return dropped;
  }

  /** The package's name. */
  public PackageName name() {
    return name;
  }

  /** Every version the upstream lists, in document order. */
  public Map<String, VersionEntry> versions() {
    return versions;
  }

  /** The version whose tarball has this file name, if any. */
  public Optional<VersionEntry> byTarballFile(String file) {
    String v = versionByFile.get(file);
    return v == null ? Optional.empty() : Optional.of(versions.get(v));
  }

  /** The upstream's dist-tags. */
  public Map<String, String> distTags() {
    return distTags;
  }

  /** {@code time.created}, or {@code null}. */
  public Instant created() {
    return created;
  }

  /** {@code time.modified}, or {@code null}. */
  public Instant modified() {
    return modified;
  }

  /** The facts a policy judges, as served by the upstream named {@code upstream}. */
  public PackageFacts facts(String upstream) {
    return new PackageFacts(name.toString(), versionFacts, created, upstream);
  }

  /** A rough heap size in bytes, for weighing cache entries. */
  public int approximateBytes() {
    return 256 + (versions.size() + dropped.size()) * 600;
  }

  private static String lastSegment(String url) {
    String path = url;
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
