package dev.lazaret.proxy.config;

import dev.lazaret.policy.ProtectedNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks routed upstreams as written, from the config file or the environment, and builds the
 * {@link UpstreamRoute}s: valid unique names, valid URLs, and no name pattern claimed twice.
 */
final class UpstreamRoutes {

  /** What {@code packages} must be, for messages. */
  static final String PACKAGES_EXPECTED =
      "a non-empty list of name patterns, such as [\"@acme/*\", \"acme-*\"]";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  // The characters of npm names plus '*': a pattern with anything else can match no package, so
  // it is a typo (or, in LAZARET_UPSTREAMS, a misplaced separator).
  private static final Pattern PATTERN_CHARS = Pattern.compile("[A-Za-z0-9._~@/*-]+");

  /**
   * One upstream as written, not yet checked.
   *
   * @param entry    how messages refer to it: {@code upstreams[2]} or {@code entry 2}
   * @param name     its name
   * @param url      its base URL
   * @param patterns the name patterns it alone serves
   * @param origins  further origins its tarballs may come from (may be empty)
   */
  record Draft(String entry, Located name, Located url, List<Located> patterns,
      List<Located> origins) {
  }

  private UpstreamRoutes() {
  }

  /** Checks every draft and the drafts against each other; keeps their order. */
  static List<UpstreamRoute> build(List<Draft> drafts) throws ConfigException {
    Map<String, String> entryByName = new HashMap<>();
    Map<String, String> ownerByPattern = new HashMap<>();
    List<UpstreamRoute> routes = new ArrayList<>();
    for (Draft draft : drafts) {
      String name = draft.name().parse(UpstreamRoutes::name);
      String first = entryByName.putIfAbsent(name, draft.entry());
      if (first != null) {
        throw draft.name().fail("another upstream has this name (" + first + ")");
      }
      URI url = draft.url().parse(HttpUrl::parseBase);
      List<String> patterns = new ArrayList<>();
      for (Located written : draft.patterns()) {
        String pattern = written.parse(UpstreamRoutes::pattern);
        String owner = ownerByPattern.putIfAbsent(pattern,
            "upstream '" + name + "' (" + draft.entry() + ")");
        if (owner != null) {
          throw written.fail("already claimed by " + owner);
        }
        patterns.add(pattern);
      }
      routes.add(new UpstreamRoute(name, url, patterns, TarballOrigins.parse(draft.origins())));
    }
    return List.copyOf(routes);
  }

  private static String name(String text) throws ConfigException {
    String name = text.strip();
    if (name.equals(UpstreamRoute.DEFAULT_NAME)) {
      throw new ConfigException("'" + UpstreamRoute.DEFAULT_NAME + "' is the name of the"
          + " 'upstream' setting; pick another");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException("expected lower-case letters, digits and '-', not starting"
          + " with '-'");
    }
    return name;
  }

  private static String pattern(String text) throws ConfigException {
    String pattern = text.strip();
    try {
      // The matcher's own check, so that no pattern accepted here fails when routes are built.
      ProtectedNames.builder().protect(pattern, UpstreamRoute.DEFAULT_NAME);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("a pattern must name something: '@acme/*', 'acme-*' or a name");
    }
    if (!PATTERN_CHARS.matcher(pattern).matches()) {
      throw new ConfigException("expected a package name, '@scope/*' or 'prefix-*'");
    }
    return pattern;
  }
}
