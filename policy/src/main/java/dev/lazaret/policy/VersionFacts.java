package dev.lazaret.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the packument says about one version, as far as the policy needs it.
 *
 * @param version        the version string
 * @param publishedAt    the version's entry in the packument's {@code time} map, or {@code null}
 * @param publisher      {@code _npmUser.name}, or {@code null} if the packument does not say
 * @param maintainers    the names in the version's {@code maintainers} list
 * @param installScripts which of {@code preinstall}, {@code install}, {@code postinstall} the
 *                       version declares (see {@link Builder#scripts} and
 *                       {@link Builder#hasInstallScript})
 * @param fileCount      {@code dist.fileCount}, if the packument has it
 * @param unpackedSize   {@code dist.unpackedSize} in bytes, if the packument has it
 * @param provenance     whether {@code dist.attestations.provenance} is present
 */
public record VersionFacts(
    String version,
    Instant publishedAt,
    String publisher,
    List<String> maintainers,
    Set<String> installScripts,
    OptionalInt fileCount,
    OptionalLong unpackedSize,
    boolean provenance) {

  /** The lifecycle scripts npm runs on install, in the order it runs them. */
  public static final List<String> INSTALL_HOOKS = List.of("preinstall", "install", "postinstall");

  /** Validates the version and copies the collections. */
  public VersionFacts {
    Objects.requireNonNull(version, "version");
    maintainers = List.copyOf(maintainers);
    installScripts = Set.copyOf(installScripts);
    Objects.requireNonNull(fileCount, "fileCount");
    Objects.requireNonNull(unpackedSize, "unpackedSize");
  }

  /** The facts the first seam had: no maintainers, scripts, dist sizes or provenance known. */
  public VersionFacts(String version, Instant publishedAt, String publisher) {
    this(version, publishedAt, publisher, List.of(), Set.of(), OptionalInt.empty(),
        OptionalLong.empty(), false);
  }

  /** A builder for {@code version}; every other field is optional. */
  public static Builder builder(String version) {
    return new Builder(version);
  }

  /** Builds {@link VersionFacts} one packument field at a time. */
  public static final class Builder {
    private final String version;
    private Instant publishedAt;
    private String publisher;
    private List<String> maintainers = List.of();
    private final Set<String> installScripts = new TreeSet<>();
    private OptionalInt fileCount = OptionalInt.empty();
    private OptionalLong unpackedSize = OptionalLong.empty();
    private boolean provenance;

    private Builder(String version) {
      this.version = Objects.requireNonNull(version, "version");
    }

    /** {@code time[version]}. */
    public Builder publishedAt(Instant publishedAt) {
      this.publishedAt = publishedAt;
      return this;
    }

    /** {@code versions[version]._npmUser.name}. */
    public Builder publisher(String publisher) {
      this.publisher = publisher;
      return this;
    }

    /** The {@code name}s of {@code versions[version].maintainers}. */
    public Builder maintainers(Collection<String> maintainers) {
      this.maintainers = List.copyOf(maintainers);
      return this;
    }

    /** The version's {@code scripts} object; only the install hooks are kept. */
    public Builder scripts(Map<String, String> scripts) {
      for (String hook : INSTALL_HOOKS) {
        if (scripts.containsKey(hook)) {
          installScripts.add(hook);
        }
      }
      return this;
    }

    /**
     * The abbreviated packument's {@code hasInstallScript}: it does not say which hook, so it is
     * recorded as {@code install} (which is also what npm infers from a {@code binding.gyp}).
     */
    public Builder hasInstallScript(boolean hasInstallScript) {
      if (hasInstallScript && installScripts.isEmpty()) {
        installScripts.add("install");
      }
      return this;
    }

    /** {@code dist.fileCount}. */
    public Builder fileCount(int fileCount) {
      if (fileCount < 0) {
        throw new IllegalArgumentException("fileCount must be >= 0, got " + fileCount);
      }
      this.fileCount = OptionalInt.of(fileCount);
      return this;
    }

    /** {@code dist.unpackedSize}. */
    public Builder unpackedSize(long unpackedSize) {
      if (unpackedSize < 0) {
        throw new IllegalArgumentException("unpackedSize must be >= 0, got " + unpackedSize);
      }
      this.unpackedSize = OptionalLong.of(unpackedSize);
      return this;
    }

    /** Whether {@code dist.attestations.provenance} is present. */
    public Builder provenance(boolean provenance) {
      this.provenance = provenance;
      return this;
    }

    /** The facts gathered so far. */
    public VersionFacts build() {
      return new VersionFacts(version, publishedAt, publisher, maintainers, installScripts,
          fileCount, unpackedSize, provenance);
    }
  }
}
