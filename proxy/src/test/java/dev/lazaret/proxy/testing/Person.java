package dev.lazaret.proxy.testing;

import java.util.Objects;

/** An npm account as it appears in {@code _npmUser} and {@code maintainers}. */
public record Person(String name, String email) {

  public Person {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
  }

  /** An account whose e-mail lives on a reserved test domain, so it can never reach anyone. */
  public static Person named(String name) {
    return new Person(name, name + "@example.test");
  }
}
