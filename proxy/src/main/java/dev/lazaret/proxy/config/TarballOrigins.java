package dev.lazaret.proxy.config;

import dev.lazaret.proxy.upstream.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Parses allowed tarball origins: {@code https://cdn.example:443} (the port may be left out),
 * several separated by commas, as {@code LAZARET_UPSTREAM_TARBALL_ORIGINS} and the YAML list
 * (which the config file hands over joined by commas) write them.
 */
final class TarballOrigins {

  /** What a YAML list of origins looks like, for messages. */
  static final String EXPECTED_LIST = "a list of origins, such as [\"https://cdn.example:443\"]";

  private TarballOrigins() {
  }

  /** The origins in {@code text}, in order, without repeats; blank means none. */
  static List<Origin> parse(String text) throws ConfigException {
    LinkedHashSet<Origin> origins = new LinkedHashSet<>();
    for (String part : text.split(",", -1)) {
      if (!part.isBlank()) {
        origins.add(one(part));
      }
    }
    return List.copyOf(origins);
  }

  /** One origin. */
  static Origin one(String text) throws ConfigException {
    try {
      return Origin.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The origins of a list, each value checked where it was written. */
  static List<Origin> parse(List<Located> written) throws ConfigException {
    List<Origin> origins = new ArrayList<>();
    for (Located value : written) {
      Origin origin = value.parse(TarballOrigins::one);
      if (!origins.contains(origin)) {
        origins.add(origin);
      }
    }
    return List.copyOf(origins);
  }
}
