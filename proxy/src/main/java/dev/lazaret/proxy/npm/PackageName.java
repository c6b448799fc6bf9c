package dev.lazaret.proxy.npm;

import java.util.Objects;

/**
 * A valid npm package name, scoped ({@code @scope/name}) or not. Case is preserved: legacy
 * packages with upper-case letters exist and names are compared case-sensitively, as the registry
 * does.
 *
 * @param scope the scope without {@code @}, or {@code null}
 * @param bare  the name without its scope
 */
public record PackageName(String scope, String bare) {

  /** npm's limit on the full name's length. */
  public static final int MAX_LENGTH = 214;


  /** Validates both parts. */
  public PackageName {
    Objects.requireNonNull(bare, "bare");
    if (!validPart(bare) || (scope != null && !validPart(scope))) {
      throw new IllegalArgumentException("invalid package name");
    }
  }

  /**
   * Parses a decoded name such as {@code lodash} or {@code @types/node}.
   *
   * @throws IllegalArgumentException with a message fit for a 400 answer
   */
  public static PackageName parse(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("package name is empty");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "package name is longer than " + MAX_LENGTH + " characters");
    }
    String scope = null;
    String bare = name;
    if (name.startsWith("@")) {
      int slash = name.indexOf('/');
      if (slash < 2 || slash == name.length() - 1) {
        throw new IllegalArgumentException("invalid scoped package name '" + printable(name) + "'");
      }
      scope = name.substring(1, slash);
      bare = name.substring(slash + 1);
    }
    if (!validPart(bare) || (scope != null && !validPart(scope))) {
      throw new IllegalArgumentException("invalid package name '" + printable(name) + "'");
    }
    return new PackageName(scope, bare);
  }

  /**
   * Whether {@code part} is made of the URL-safe characters npm accepts in a name part (upper
   * case only for legacy names), not starting with '.' or '_': so never '.' or '..', which also
   * rules out path traversal. A loop, not a regular expression: every request parses a name,
   * and the regex was 8% of a 404's CPU.
   */
  private static boolean validPart(String part) {
    if (part.isEmpty()) {
      return false;
    }
    char first = part.charAt(0);
    if (first == '.' || first == '_') {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '~' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether this name has a scope. */
  public boolean scoped() {
    return scope != null;
  }

  /** The name as npm writes it: {@code @scope/name} or {@code name}. */
  @Override
  public String toString() {
    return scope == null ? bare : "@" + scope + "/" + bare;
  }

  /** The name as it goes into a registry URL path: the scope's slash encoded as {@code %2f}. */
  public String pathSegment() {
    return scope == null ? bare : "@" + scope + "%2f" + bare;
  }

  /** Makes a name safe to echo in an error message: no control characters, bounded length. */
  static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return cut.replaceAll("[\\p{Cntrl}]", "?");
  }
}
