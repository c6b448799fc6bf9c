package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed in a version's manifest since an earlier one: what an analyst looks at first when
 * a takeover or a dropper is suspected. Compared against nothing (every entry is "added") when
 * there is no earlier allowed version.
 *
 * @param against              the earlier version, or {@code null}
 * @param dependencies         {@code dependencies} changes
 * @param optionalDependencies {@code optionalDependencies} changes
 * @param peerDependencies     {@code peerDependencies} changes
 * @param scripts              lifecycle script changes, with the script text
 * @param maintainers          maintainer accounts added and removed
 * @param publisher            {@code _npmUser.name} before and after
 * @param provenance           whether {@code dist.attestations.provenance} is present, before and
 *                             after
 * @param files                tarball file changes (an inspection's {@code FilesDiff}, against
 *                             its own previous release); {@code null} until the tarball is
 *                             inspected
 */
public record VersionDiff(
    String against,
    Entries dependencies,
    Entries optionalDependencies,
    Entries peerDependencies,
    Entries scripts,
    Names maintainers,
    FromTo<String> publisher,
    FromTo<Boolean> provenance,
    Object files) {

  /**
   * Changes to a name-to-text map (dependency ranges, script commands).
   *
   * @param added   new entries
   * @param removed entries no longer there, with their old text
   * @param changed entries whose text changed
   */
  public record Entries(SortedMap<String, String> added, SortedMap<String, String> removed,
      SortedMap<String, FromTo<String>> changed) {

    static Entries between(JsonNode before, JsonNode after) {
      Map<String, String> old = texts(before);
      Map<String, String> now = texts(after);
      SortedMap<String, String> added = new TreeMap<>();
      SortedMap<String, String> removed = new TreeMap<>();
      SortedMap<String, FromTo<String>> changed = new TreeMap<>();
      now.forEach((k, v) -> {
        if (!old.containsKey(k)) {
          added.put(k, v);
        } else if (!old.get(k).equals(v)) {
          changed.put(k, new FromTo<>(old.get(k), v));
        }
      });
      old.forEach((k, v) -> {
        if (!now.containsKey(k)) {
          removed.put(k, v);
        }
      });
      return new Entries(added, removed, changed);
    }

    private static Map<String, String> texts(JsonNode object) {
      Map<String, String> out = new TreeMap<>();
      if (object.isObject()) {
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
      }
      return out;
    }
  }

  /**
   * Names added and removed.
   *
   * @param added   names only after
   * @param removed names only before
   */
  public record Names(List<String> added, List<String> removed) {
  }

  /**
   * A value before and after.
   *
   * @param from before ({@code null} if unknown or absent)
   * @param to   after
   * @param <T>  the value's type
   */
  public record FromTo<T>(T from, T to) {
  }

  /**
   * The diff from {@code previous} (a version document, or {@code null} for none) to
   * {@code current}.
   */
  public static VersionDiff between(String against, JsonNode previous, JsonNode current) {
    JsonNode before = previous == null ? MissingNode.getInstance() : previous;
    return new VersionDiff(against,
        Entries.between(before.path("dependencies"), current.path("dependencies")),
        Entries.between(before.path("optionalDependencies"),
            current.path("optionalDependencies")),
        Entries.between(before.path("peerDependencies"), current.path("peerDependencies")),
        Entries.between(before.path("scripts"), current.path("scripts")),
        maintainers(before, current),
        new FromTo<>(publisher(previous), publisher(current)),
        new FromTo<>(previous == null ? null : provenance(previous), provenance(current)),
        null);
  }

  /** This diff with the tarball's file changes. */
  public VersionDiff withFiles(Object tarballFiles) {
    return new VersionDiff(against, dependencies, optionalDependencies, peerDependencies, scripts,
        maintainers, publisher, provenance, tarballFiles);
  }

  private static Names maintainers(JsonNode before, JsonNode after) {
    TreeSet<String> old = maintainerNames(before);
    TreeSet<String> now = maintainerNames(after);
    List<String> added = new ArrayList<>(now);
    added.removeAll(old);
    List<String> removed = new ArrayList<>(old);
    removed.removeAll(now);
    return new Names(added, removed);
  }

  /** Maintainer names; entries are objects with a name, or old-style "name <email>" strings. */
  private static TreeSet<String> maintainerNames(JsonNode version) {
    TreeSet<String> names = new TreeSet<>();
    for (JsonNode m : version.path("maintainers")) {
      String name = m.isTextual() ? m.asText().split(" <", 2)[0].strip()
          : m.path("name").asText("");
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  private static String publisher(JsonNode version) {
    if (version == null) {
      return null;
    }
    JsonNode name = version.path("_npmUser").path("name");
    return name.isTextual() ? name.asText() : null;
  }

  private static boolean provenance(JsonNode version) {
    return !version.path("dist").path("attestations").path("provenance").isMissingNode();
  }
}
