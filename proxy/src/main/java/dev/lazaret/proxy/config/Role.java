package dev.lazaret.proxy.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What an admin token may do; each role may do everything the roles before it may. */
public enum Role {
  /** Reads holds, explanations, rules and the audit log. */
  VIEWER,
  /** Also approves and rejects held versions. */
  ANALYST,
  /** Also adds and removes rules and manages tokens. */
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean covers(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** The role as operators write it (and JSON shows it): {@code viewer}, {@code analyst}, ... */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role written {@code text} (any case), if there is one. */
  public static Optional<Role> parse(String text) {
    for (Role r : values()) {
      if (r.label().equalsIgnoreCase(text.strip())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
