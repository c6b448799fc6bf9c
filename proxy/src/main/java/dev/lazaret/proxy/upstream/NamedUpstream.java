package dev.lazaret.proxy.upstream;

import java.util.Objects;

/**
 * An upstream client and the name the configuration gives it.
 *
 * @param name   the configured name ({@code default} for the {@code upstream} setting)
 * @param client the client
 */
public record NamedUpstream(String name, Upstream client) {

  /** Validates that nothing is missing. */
  public NamedUpstream {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(client, "client");
  }
}
