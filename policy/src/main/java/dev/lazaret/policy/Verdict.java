package dev.lazaret.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What clients may do with one version: see it, wait for it, or never get it. */
public sealed interface Verdict {

  /** The reasons behind this verdict, in a form a human can read; empty for a plain allow. */
  List<String> reasons();

  /** Whether clients may see and download the version now. */
  default boolean allowed() {
    return this instanceof Allow;
  }

  /** The version is served. */
  record Allow(List<String> reasons) implements Verdict {
    /** An allow with no particular reason. */
    public static final Allow PLAIN = new Allow(List.of());

    /** Copies the reasons. */
    public Allow {
      reasons = List.copyOf(reasons);
    }
  }

  /** The version is hidden until {@code until}, unless an analyst decides earlier. */
  record Hold(Instant until, List<String> reasons) implements Verdict {
    /** Validates the end of the hold and copies the reasons. */
    public Hold {
      Objects.requireNonNull(until, "until");
      reasons = List.copyOf(reasons);
    }
  }

  /** The version is never served. */
  record Block(List<String> reasons) implements Verdict {
    /** Copies the reasons. */
    public Block {
      reasons = List.copyOf(reasons);
    }
  }
}
