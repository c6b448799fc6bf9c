package dev.lazaret.proxy.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code upstreams:} list of the config file: name, url and packages per entry, and
 * optionally the tarball-origins its tarballs may also come from.
 */
final class UpstreamRoutesParser {

  private static final List<String> KEYS = List.of("name", "url", "packages");
  private static final List<String> ALLOWED_KEYS =
      List.of("name", "url", "packages", "tarball-origins");

  private UpstreamRoutesParser() {
  }

  /** The routes in file order, checked. */
  static List<UpstreamRoute> parse(List<ConfigItem> items) throws ConfigException {
    List<UpstreamRoutes.Draft> drafts = new ArrayList<>();
    for (ConfigItem item : items) {
      drafts.add(draft(item));
    }
    return UpstreamRoutes.build(drafts);
  }

  private static UpstreamRoutes.Draft draft(ConfigItem item) throws ConfigException {
    item.allowOnly(ALLOWED_KEYS);
    Located name = item.value("name").orElseThrow(() -> missing(item, "name"));
    Located url = item.value("url").orElseThrow(() -> missing(item, "url"));
    List<Located> patterns = item.list("packages", UpstreamRoutes.PACKAGES_EXPECTED)
        .orElseThrow(() -> missing(item, "packages"));
    if (patterns.isEmpty()) {
      throw item.error("packages", item.label() + ".packages must be "
          + UpstreamRoutes.PACKAGES_EXPECTED);
    }
    List<Located> origins = item.list("tarball-origins", TarballOrigins.EXPECTED_LIST)
        .orElse(List.of());
    return new UpstreamRoutes.Draft(item.label(), name, url, patterns, origins);
  }

  private static ConfigException missing(ConfigItem item, String key) {
    return item.error(item.label() + " has no " + key + " (each upstream needs "
        + String.join(", ", KEYS) + ")");
  }
}
