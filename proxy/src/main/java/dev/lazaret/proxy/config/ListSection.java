package dev.lazaret.proxy.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A config-file key whose value is a list of entries ({@code upstreams:}, {@code rules:}), as
 * opposed to a {@link Setting}, which holds one value. Help shows its summary and example.
 *
 * @param key     the top-level YAML key
 * @param env     an environment variable that replaces the whole list, if there is one
 * @param summary what the list is for, in a few words
 * @param example YAML lines showing one or two entries, for help
 * @param envHelp how the environment variable is written, for help; empty if there is none
 */
public record ListSection(String key, Optional<String> env, String summary, List<String> example,
    List<String> envHelp) {

  /** Checks that nothing is missing and copies the example. */
  public ListSection {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(summary, "summary");
    example = List.copyOf(example);
    envHelp = List.copyOf(envHelp);
  }
}
