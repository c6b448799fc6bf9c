package dev.lazaret.proxy.config;

import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.npm.SemVer;
import java.util.regex.Pattern;

/**
 * Checks the names a trust or deny rule is written with, wherever it is written: the config
 * file's {@code rules:} and the admin API. Each returns the stripped text or says what is wrong.
 */
public final class RuleTargetText {

  // npm account names are URL-safe; anything else cannot be a publisher.
  private static final Pattern PUBLISHER = Pattern.compile("[A-Za-z0-9._~-]+");

  private RuleTargetText() {
  }

  /** A scope such as {@code @acme}. */
  public static String scope(String text) throws ConfigException {
    String scope = text.strip();
    // A scope is valid when a package in it can be: PackageName holds npm's rules.
    if (!scope.startsWith("@") || scope.contains("/") || !validName(scope + "/x")) {
      throw new ConfigException("expected a scope like @acme");
    }
    return scope;
  }

  /** A package name, scoped or not. */
  public static String packageName(String text) throws ConfigException {
    String name = text.strip();
    if (!validName(name)) {
      throw new ConfigException("not a valid npm package name");
    }
    return name;
  }

  /** A publishing account's name. */
  public static String publisher(String text) throws ConfigException {
    String name = text.strip();
    if (!PUBLISHER.matcher(name).matches()) {
      throw new ConfigException("not a valid npm account name");
    }
    return name;
  }

  /** An exact version such as {@code 1.2.3}. */
  public static String version(String text) throws ConfigException {
    String version = text.strip();
    // SemVer tolerates a leading 'v', but published versions never have one, so it would match
    // nothing.
    if (version.startsWith("v") || SemVer.parse(version).isEmpty()) {
      throw new ConfigException("expected a version like 1.2.3");
    }
    return version;
  }

  private static boolean validName(String name) {
    try {
      PackageName.parse(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
