package dev.lazaret.policy;

import java.util.Objects;

/**
 * What a trust or deny rule applies to: a publisher account, a package, a scope, or one version.
 *
 * @param kind    which of the four
 * @param name    the publisher, package or scope ({@code @acme}) name
 * @param version the version, for {@link Kind#VERSION} only (otherwise {@code null})
 */
public record RuleTarget(Kind kind, String name, String version) {

  /** The four kinds of target. */
  public enum Kind { PUBLISHER, PACKAGE, SCOPE, VERSION }

  /** Validates the target. */
  public RuleTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if ((kind == Kind.VERSION) != (version != null)) {
      throw new IllegalArgumentException("a version is required for VERSION targets only");
    }
    if (kind == Kind.SCOPE && !name.startsWith("@")) {
      throw new IllegalArgumentException("a scope starts with '@', got '" + name + "'");
    }
  }

  /** Every version published by the account {@code name}. */
  public static RuleTarget publisher(String name) {
    return new RuleTarget(Kind.PUBLISHER, name, null);
  }

  /** Every version of the package {@code name}. */
  public static RuleTarget packageName(String name) {
    return new RuleTarget(Kind.PACKAGE, name, null);
  }

  /** Every package in {@code scope} (written {@code @acme}). */
  public static RuleTarget scope(String scope) {
    return new RuleTarget(Kind.SCOPE, scope, null);
  }

  /** One version of one package. */
  public static RuleTarget version(String packageName, String version) {
    return new RuleTarget(Kind.VERSION, packageName, Objects.requireNonNull(version, "version"));
  }

  /** Whether this target covers {@code packageName@version} published by {@code publisher}. */
  public boolean covers(String packageName, String version, String publisher) {
    return switch (kind) {
      case PUBLISHER -> name.equals(publisher);
      case PACKAGE -> name.equals(packageName);
      case SCOPE -> packageName.startsWith(name + "/");
      case VERSION -> name.equals(packageName) && this.version.equals(version);
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case PUBLISHER -> "publisher '" + name + "'";
      case PACKAGE -> "package " + name;
      case SCOPE -> "scope " + name;
      case VERSION -> name + "@" + version;
    };
  }
}
