package dev.lazaret.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * Why the store cannot write at the moment, and since when. While writes fail, reads of what is
 * already stored keep working; the store retries on its own and clears this once a write works.
 *
 * @param reason what the operating system said, short (e.g. {@code No space left on device})
 * @param detail the storage engine's whole message, for the log
 * @param since  when the first write failed
 */
public record WriteFailure(String reason, String detail, Instant since) {

  /** Checks that every component is present. */
  public WriteFailure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(since, "since");
  }

  /** One line for operators and probes, e.g. {@code writes failing: No space left on device (since ...)}. */
  public String describe() {
    return "writes failing: " + reason + " (since " + since + ")";
  }
}
