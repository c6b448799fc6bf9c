package dev.lazaret.proxy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The npm registry behind {@link FakeUpstream}: the published packages and the answers to each
 * endpoint. Knows nothing about HTTP beyond method, path and body, so faults, conditionals and
 * compression stay in the server.
 */
final class FakeRegistry {

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final Map<String, GeneratedPackage> packages = new ConcurrentHashMap<>();
  private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
  private final List<Advisory> advisories = new CopyOnWriteArrayList<>();
  private final AtomicInteger advisoryIds = new AtomicInteger(1_000);
  private final Clock clock;
  private volatile JsonNode keys = Json.object().set("keys", Json.MAPPER.createArrayNode());

  /** One advisory served by the bulk endpoint to requests that name its package. */
  record Advisory(int id, String name, String vulnerableVersions, String severity, String title) {
  }

  FakeRegistry(Clock clock) {
    this.clock = clock;
  }

  void publish(GeneratedPackage pkg) {
    packages.merge(pkg.name(), pkg, GeneratedPackage::mergedWith);
  }

  void unpublish(String name, String version) {
    packages.computeIfPresent(name, (n, pkg) -> pkg.withoutVersion(version, clock.instant()));
  }

  void unpublish(String name) {
    packages.remove(name);
  }

  GeneratedPackage get(String name) {
    return packages.get(name);
  }

  void corrupt(String name, String version) {
    corrupted.add(name + "@" + version);
  }

  void clearCorruption() {
    corrupted.clear();
  }

  int addAdvisory(String name, String vulnerableVersions, String severity, String title) {
    int id = advisoryIds.incrementAndGet();
    advisories.add(new Advisory(id, name, vulnerableVersions, severity, title));
    return id;
  }

  void keys(JsonNode document) {
    this.keys = document;
  }

  FakeResponse handle(String method, String path, String query, byte[] body, String accept,
      URI base) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (path.equals("/-/ping") && read) {
      return FakeResponse.json(200, Json.object());
    }
    if (path.equals("/-/v1/search") && read) {
      return search(parameters(query));
    }
    if (path.equals("/-/npm/v1/keys") && read) {
      return FakeResponse.json(200, keys);
    }
    if (path.equals("/-/npm/v1/security/advisories/bulk") && method.equals("POST")) {
      return bulkAdvisories(body, base);
    }
    if (path.equals("/-/npm/v1/security/audits/quick") && method.equals("POST")) {
      return quickAudit(body);
    }
    if (path.startsWith("/-/package/") && path.endsWith("/dist-tags") && read) {
      String name = path.substring("/-/package/".length(), path.length() - "/dist-tags".length());
      GeneratedPackage pkg = packages.get(name);
      return pkg == null ? FakeResponse.notFound()
          : FakeResponse.json(200, Json.MAPPER.valueToTree(pkg.distTags()));
    }
    if (path.startsWith("/-/") || path.length() < 2) {
      return FakeResponse.notFound();
    }
    if (!read) {
      return FakeResponse.error(405, "Method not allowed: this fake registry is read-only");
    }
    int tarballMark = path.indexOf("/-/");
    return tarballMark > 0
        ? tarball(path.substring(1, tarballMark), path.substring(tarballMark + 3))
        : packageOrVersion(path.substring(1), accept, base);
  }

  private FakeResponse packageOrVersion(String rest, String accept, URI base) {
    String[] segments = rest.split("/", -1);
    int nameSegments = rest.startsWith("@") ? 2 : 1;
    if (segments.length < nameSegments || segments.length > nameSegments + 1) {
      return FakeResponse.notFound();
    }
    String name = String.join("/", List.of(segments).subList(0, nameSegments));
    GeneratedPackage pkg = packages.get(name);
    if (pkg == null) {
      return FakeResponse.notFound();
    }
    if (segments.length == nameSegments) {
      boolean abbreviated = accept != null && accept.contains(Packuments.ABBREVIATED);
      FakeResponse response = abbreviated
          ? FakeResponse.json(200, Packuments.abbreviated(pkg, base),
              Packuments.ABBREVIATED + "; charset=utf-8")
          : FakeResponse.json(200, Packuments.full(pkg, base));
      return response.withHeader("Last-Modified", HTTP_DATE.format(pkg.modified()));
    }
    String wanted = segments[nameSegments];
    String version = pkg.distTags().getOrDefault(wanted, wanted);
    GeneratedVersion v = pkg.versions().get(version);
    return v == null ? FakeResponse.error(404, "version not found: " + wanted)
        : FakeResponse.json(200, Packuments.version(pkg, v, base));
  }

  private FakeResponse tarball(String name, String file) {
    GeneratedPackage pkg = packages.get(name);
    if (pkg == null) {
      return FakeResponse.notFound();
    }
    for (GeneratedVersion v : pkg.versions().values()) {
      if (v.tarballFileName().equals(file)) {
        byte[] bytes = corrupted.contains(v.id()) ? tampered(v) : v.tarball().bytes();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/octet-stream");
        headers.put("ETag", "\"" + v.tarball().shasum() + "\"");
        headers.put("Last-Modified", HTTP_DATE.format(v.publishedAt()));
        return new FakeResponse(200, headers, bytes);
      }
    }
    return FakeResponse.notFound();
  }

  /** A valid tgz with different contents: only an integrity check can tell it apart. */
  private static byte[] tampered(GeneratedVersion v) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Tarball.unpack(v.tarball().bytes())
        .forEach((path, bytes) -> files.put(path.substring("package/".length()), bytes));
    files.put("index.js", "module.exports = 'tampered';\n".getBytes(StandardCharsets.UTF_8));
    return Tarball.pack(files).bytes();
  }

  private FakeResponse search(Map<String, String> params) {
    List<String> words = new ArrayList<>();
    List<String> maintainers = new ArrayList<>();
    for (String token : params.getOrDefault("text", "").trim().split("\\s+")) {
      if (token.startsWith("maintainer:")) {
        maintainers.add(token.substring("maintainer:".length()));
      } else if (!token.isEmpty()) {
        words.add(token.toLowerCase(Locale.ROOT));
      }
    }
    int size = Integer.parseInt(params.getOrDefault("size", "20"));
    int from = Integer.parseInt(params.getOrDefault("from", "0"));
    List<GeneratedPackage> hits = packages.values().stream()
        .filter(pkg -> words.stream().allMatch(w -> (pkg.name() + " " + pkg.description())
            .toLowerCase(Locale.ROOT).contains(w)))
        .filter(pkg -> maintainers.stream().allMatch(m -> pkg.maintainers().stream()
            .anyMatch(person -> person.name().equals(m))))
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .toList();
    ObjectNode result = Json.object();
    ArrayNode objects = result.putArray("objects");
    hits.stream().skip(from).limit(size).forEach(pkg -> objects.add(searchObject(pkg)));
    result.put("total", hits.size());
    result.put("time", Json.time(clock.instant()));
    return FakeResponse.json(200, result);
  }

  private static ObjectNode searchObject(GeneratedPackage pkg) {
    GeneratedVersion latest = pkg.latest();
    ObjectNode entry = Json.object();
    ObjectNode p = entry.putObject("package");
    p.put("name", pkg.name());
    p.put("scope", pkg.scope().orElse("unscoped"));
    p.put("version", latest.version());
    p.put("description", pkg.description());
    p.putArray("keywords");
    p.put("date", Json.time(latest.publishedAt()));
    p.putObject("links");
    p.putObject("publisher").put("username", latest.publisher().name())
        .put("email", latest.publisher().email());
    ArrayNode owners = p.putArray("maintainers");
    pkg.maintainers().forEach(m -> owners.addObject().put("username", m.name())
        .put("email", m.email()));
    ObjectNode score = entry.putObject("score");
    score.put("final", 1.0);
    score.putObject("detail").put("quality", 1.0).put("popularity", 1.0).put("maintenance", 1.0);
    entry.put("searchScore", 1.0);
    return entry;
  }

  /** Body {@code {name: [versions]}}; answers the advisories whose package was asked about. */
  private FakeResponse bulkAdvisories(byte[] body, URI base) {
    JsonNode request;
    try {
      request = Json.parse(body);
    } catch (RuntimeException e) {
      return FakeResponse.error(400, "body is not JSON");
    }
    ObjectNode result = Json.object();
    for (Advisory a : advisories) {
      if (request.has(a.name())) {
        ArrayNode list = result.has(a.name()) ? (ArrayNode) result.get(a.name())
            : result.putArray(a.name());
        ObjectNode doc = list.addObject();
        doc.put("id", a.id());
        doc.put("url", base.resolve("-/advisories/" + a.id()).toString());
        doc.put("title", a.title());
        doc.put("severity", a.severity());
        doc.put("vulnerable_versions", a.vulnerableVersions());
        doc.putArray("cwe");
        doc.putObject("cvss").put("score", 0).putNull("vectorString");
      }
    }
    return FakeResponse.json(200, result);
  }

  /** The legacy report shape npm's audit-report reads: no advisories, counts only. */
  private static FakeResponse quickAudit(byte[] body) {
    int dependencies;
    try {
      dependencies = Json.parse(body).path("dependencies").size();
    } catch (RuntimeException e) {
      return FakeResponse.error(400, "body is not JSON");
    }
    ObjectNode report = Json.object();
    report.putArray("actions");
    report.putObject("advisories");
    report.putArray("muted");
    ObjectNode metadata = report.putObject("metadata");
    metadata.putObject("vulnerabilities").put("info", 0).put("low", 0).put("moderate", 0)
        .put("high", 0).put("critical", 0);
    metadata.put("dependencies", dependencies);
    metadata.put("devDependencies", 0);
    metadata.put("optionalDependencies", 0);
    metadata.put("totalDependencies", dependencies);
    return FakeResponse.json(200, report);
  }

  private static Map<String, String> parameters(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant);
  }

  static Instant parseHttpDate(String text) {
    return Instant.from(HTTP_DATE.parse(text));
  }
}
