package dev.lazaret.policy;

import java.util.List;
import java.util.Objects;

/**
 * The facts about one package that a policy judges.
 *
 * @param name     the package name
 * @param versions every version the upstream lists, in packument order
 */
public record PackageFacts(String name, List<VersionFacts> versions) {

  /** Validates the name and copies the versions. */
  public PackageFacts {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
  }
}
