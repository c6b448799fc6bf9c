package dev.lazaret.proxy.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One published version of a generated package: its manifest fields, publish time and account,
 * and the real tarball whose digests appear in {@code dist}.
 *
 * @param dependencies    name to range, sorted by name
 * @param scripts         lifecycle scripts, e.g. {@code preinstall}; empty for most packages
 * @param deprecated      the deprecation message, or {@code null}
 * @param provenance      whether {@code dist.attestations} is advertised
 * @param legacyShasumOnly whether {@code dist} omits {@code integrity}, like very old packages
 */
public record GeneratedVersion(
    String name,
    String version,
    String description,
    Map<String, String> dependencies,
    Map<String, String> scripts,
    Instant publishedAt,
    Person publisher,
    String deprecated,
    boolean provenance,
    boolean legacyShasumOnly,
    Tarball tarball) {

  private static final Set<String> INSTALL_SCRIPTS = Set.of("preinstall", "install", "postinstall");

  public GeneratedVersion {
    // Sorted so every rendering (tarball, packument) is deterministic, as npm itself sorts them.
    dependencies = Collections.unmodifiableSortedMap(new TreeMap<>(dependencies));
    scripts = Collections.unmodifiableSortedMap(new TreeMap<>(scripts));
  }

  /** {@code name@version}, the {@code _id} of the version document. */
  public String id() {
    return name + "@" + version;
  }

  /** The tarball file name: the unscoped part of the name, e.g. {@code pad-1.0.0.tgz}. */
  public String tarballFileName() {
    int slash = name.indexOf('/');
    return name.substring(slash + 1) + "-" + version + ".tgz";
  }

  /** The registry path of the tarball, e.g. {@code /@scope/pad/-/pad-1.0.0.tgz}. */
  public String tarballPath() {
    return "/" + name + "/-/" + tarballFileName();
  }

  /** Whether npm would run a script at install time (abbreviated docs say hasInstallScript). */
  public boolean hasInstallScript() {
    return scripts.keySet().stream().anyMatch(INSTALL_SCRIPTS::contains);
  }

  /** The deprecation message, if any. */
  public Optional<String> deprecation() {
    return Optional.ofNullable(deprecated);
  }

  /** The {@code package/package.json} inside the tarball, parsed. */
  public ObjectNode packageJson() {
    byte[] json = Tarball.unpack(tarball.bytes()).get("package/package.json");
    return (ObjectNode) Json.parse(json);
  }

  /** The {@code package/index.js} inside the tarball. */
  public String indexJs() {
    return new String(Tarball.unpack(tarball.bytes()).get("package/index.js"),
        StandardCharsets.UTF_8);
  }
}
