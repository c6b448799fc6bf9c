package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.PublisherEvidence;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.proxy.inspect.ContentAnalysis;
import dev.lazaret.proxy.inspect.Inspection;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the packument and the proxy's lookups would say about a release, read from a facts file
 * (bench/detect/README.md gives the format): the package's versions with their publish times,
 * publishers and maintainers, which version is judged and which came before, what is known of
 * the publishers and of the dependencies the release adds. Times are ISO instants or offsets
 * before the judging instant ({@code "-2h"}, {@code "-400d"}), so a corpus case stays valid
 * whatever day it is judged on.
 *
 * @param name         the package name
 * @param judged       the version judged
 * @param previous     the version it is compared with, or {@code null} for a first release
 * @param created      {@code time.created}, or {@code null}
 * @param at           the judging instant the file asks for, or {@code null} (the caller's)
 * @param versions     every version up to the judged one, in publish order
 * @param publishers   evidence about publishing accounts, by name
 * @param dependencies what is known of packages the release may add as dependencies, by name
 */
public record ReleaseFacts(String name, String judged, String previous, Time created, Time at,
    List<Release> versions, Map<String, Publisher> publishers,
    Map<String, Dependency> dependencies) {

  // At most six digits: 999,999 days is far enough back, and a longer number would overflow a
  // Duration (an exception, not an answer) rather than mean anything.
  private static final Pattern OFFSET = Pattern.compile("-(\\d{1,6})([mhd])");

  /** Copies the collections. */
  public ReleaseFacts {
    versions = List.copyOf(versions);
    publishers = Map.copyOf(publishers);
    dependencies = Map.copyOf(dependencies);
  }

  /**
   * An instant written in a facts file: absolute, or an offset before the judging instant.
   *
   * @param absolute the instant, or {@code null} if relative
   * @param before   how long before the judging instant, if relative
   */
  public record Time(Instant absolute, Duration before) {

    /** Parses {@code 2018-09-09T00:00:00Z} or {@code -2h}, {@code -30m}, {@code -400d}. */
    static Time parse(String text, String field) {
      Matcher m = OFFSET.matcher(text);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return new Time(null, switch (m.group(2)) {
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
      }
      try {
        return new Time(Instant.parse(text), null);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(field + ": '" + text + "' is neither an ISO instant"
            + " nor an offset such as -2h or -400d");
      }
    }

    /** The instant, relative ones counted back from {@code at}. */
    public Instant resolve(Instant at) {
      return absolute != null ? absolute : at.minus(before);
    }
  }

  /**
   * One version as the packument lists it. Install scripts, file count and size of the judged
   * and previous versions come from their tarballs; {@code scripts} serves the others.
   *
   * @param version     the version
   * @param published   its publish time
   * @param publisher   {@code _npmUser.name}, or {@code null}
   * @param maintainers the version's maintainers
   * @param scripts     the install hooks it declares
   * @param provenance  whether it has a provenance attestation
   */
  public record Release(String version, Time published, String publisher,
      List<String> maintainers, Set<String> scripts, boolean provenance) {

    /** Copies the collections. */
    public Release {
      maintainers = List.copyOf(maintainers);
      scripts = Set.copyOf(scripts);
    }
  }

  /**
   * What the proxy's account lookups found about a publisher.
   *
   * @param firstSeen the account's earliest publish seen anywhere
   * @param packages  how many packages it maintains
   */
  public record Publisher(Time firstSeen, int packages) {
  }

  /**
   * What the proxy knows of a package a release depends on.
   *
   * @param created when it was created, or {@code null} if unknown
   * @param held    whether a version matching the range is held
   * @param risky   whether a version matching the range is held or blocked as risky
   */
  public record Dependency(Time created, boolean held, boolean risky) {
  }

  /** Reads a facts file's JSON. */
  public static ReleaseFacts parse(byte[] json) {
    JsonNode root;
    try {
      root = NpmJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    List<Release> versions = new ArrayList<>();
    for (JsonNode v : root.path("versions")) {
      String version = required(v, "version");
      versions.add(new Release(version, Time.parse(required(v, "published"),
          version + ".published"), NpmJson.text(v.path("publisher")), strings(v.path("maintainers")),
          Set.copyOf(strings(v.path("scripts"))), v.path("provenance").asBoolean(false)));
    }
    Map<String, Publisher> publishers = new LinkedHashMap<>();
    root.path("publishers").properties().forEach(e -> publishers.put(e.getKey(),
        new Publisher(Time.parse(required(e.getValue(), "firstSeen"), e.getKey() + ".firstSeen"),
            e.getValue().path("packages").asInt(1))));
    Map<String, Dependency> dependencies = new LinkedHashMap<>();
    root.path("dependencies").properties().forEach(e -> dependencies.put(e.getKey(),
        new Dependency(optionalTime(e.getValue(), "created"),
            e.getValue().path("held").asBoolean(false),
            e.getValue().path("risky").asBoolean(false))));
    ReleaseFacts facts = new ReleaseFacts(required(root, "package"), required(root, "judged"),
        NpmJson.text(root.path("previous")), optionalTime(root, "created"),
        optionalTime(root, "at"), versions, publishers, dependencies);
    facts.release(facts.judged()).orElseThrow(() -> new IllegalArgumentException(
        "judged version " + facts.judged() + " is not in versions"));
    if (facts.previous() != null && facts.release(facts.previous()).isEmpty()) {
      throw new IllegalArgumentException("previous version " + facts.previous()
          + " is not in versions");
    }
    return facts;
  }

  /** The version entry for {@code version}, if listed. */
  public Optional<Release> release(String version) {
    return versions.stream().filter(r -> r.version().equals(version)).findFirst();
  }

  /** The instant to judge at: the file's {@code at}, else {@code fallback}. */
  public Instant judgingInstant(Instant fallback) {
    return at != null ? at.resolve(fallback) : fallback;
  }

  /**
   * The package facts as of {@code at}, the judged and previous versions' install scripts and
   * sizes taken from their inspections ({@code before} is null for a first release).
   */
  public PackageFacts packageFacts(Instant at, Inspection before, Inspection after) {
    PackageFacts.Builder b = PackageFacts.builder(name);
    if (created != null) {
      b.created(created.resolve(at));
    }
    for (Release r : versions) {
      VersionFacts.Builder v = VersionFacts.builder(r.version())
          .publishedAt(r.published().resolve(at)).publisher(r.publisher())
          .maintainers(r.maintainers()).provenance(r.provenance());
      Inspection tarball = r.version().equals(judged) ? after
          : r.version().equals(previous) ? before : null;
      if (tarball != null) {
        if (tarball.manifest() != null) {
          v.scripts(tarball.manifest().scripts());
        }
        v.fileCount(tarball.files().size());
        v.unpackedSize(tarball.files().stream().mapToLong(Inspection.FileEntry::size).sum());
      } else {
        Map<String, String> scripts = new LinkedHashMap<>();
        r.scripts().forEach(s -> scripts.put(s, "(listed in the facts file)"));
        v.scripts(scripts);
      }
      b.version(v.build());
    }
    return b.build();
  }

  /** The publisher evidence as of {@code at}. */
  public Map<String, PublisherEvidence> publisherEvidence(Instant at) {
    Map<String, PublisherEvidence> out = new LinkedHashMap<>();
    publishers.forEach((account, p) -> out.put(account,
        PublisherEvidence.of(account, p.firstSeen().resolve(at), p.packages())));
    return out;
  }

  /**
   * The standing of added dependencies as of {@code at}: what the file says, else nothing
   * known (no creation time, not held).
   */
  public ContentAnalysis.Dependencies dependencyStandings(Instant at) {
    return added -> {
      Map<String, ContentFacts.AddedDependency> out = new LinkedHashMap<>();
      added.forEach((dependency, range) -> {
        Dependency d = dependencies.get(dependency);
        if (d != null) {
          out.put(dependency, new ContentFacts.AddedDependency(dependency, range,
              d.created() == null ? null : d.created().resolve(at), d.held(), d.risky()));
        }
      });
      return out;
    };
  }

  private static String required(JsonNode node, String field) {
    String text = NpmJson.text(node.path(field));
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("missing string field '" + field + "'");
    }
    return text;
  }

  private static Time optionalTime(JsonNode node, String field) {
    String text = NpmJson.text(node.path(field));
    return text == null ? null : Time.parse(text, field);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> {
      if (n.isTextual()) {
        out.add(n.asText());
      }
    });
    return out;
  }
}
