package dev.lazaret.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The facts about one package that a policy judges.
 *
 * @param name     the package name
 * @param versions every version the upstream lists, in packument order
 * @param created  the packument's {@code time.created}, or {@code null} if absent
 * @param upstream the id of the upstream that served this packument (as configured in
 *                 {@link ProtectedNames}), or {@code null} if not routed
 */
public record PackageFacts(String name, List<VersionFacts> versions, Instant created,
    String upstream) {

  /** Validates the name and copies the versions. */
  public PackageFacts {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
  }

  /** Facts without a creation time or upstream, as the first seam had them. */
  public PackageFacts(String name, List<VersionFacts> versions) {
    this(name, versions, null, null);
  }

  /** A builder for the package {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds {@link PackageFacts} from a packument, one field at a time. */
  public static final class Builder {
    private final String name;
    private final List<VersionFacts> versions = new ArrayList<>();
    private Instant created;
    private String upstream;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** {@code time.created}. */
    public Builder created(Instant created) {
      this.created = created;
      return this;
    }

    /** The id of the upstream the packument came from. */
    public Builder upstream(String upstream) {
      this.upstream = upstream;
      return this;
    }

    /** Adds one version (call in packument order). */
    public Builder version(VersionFacts version) {
      versions.add(Objects.requireNonNull(version, "version"));
      return this;
    }

    /** The facts gathered so far. */
    public PackageFacts build() {
      return new PackageFacts(name, versions, created, upstream);
    }
  }
}
