package dev.lazaret.proxy.quarantine;

import dev.lazaret.storage.StoreException;

/**
 * The quarantine state cannot be reached (its database is down, refuses connections or does not
 * answer in time). Callers fail closed: a version whose verdict needs the state is not served
 * (503), admin writes answer 503; the state reconnects by itself.
 */
public final class StateUnavailableException extends StoreException {

  /** The prefix of every message: what clients and operators read. */
  public static final String MESSAGE = "quarantine state is unavailable";

  /** Unavailable because of {@code cause} (e.g. the driver's connection failure). */
  public StateUnavailableException(String detail, Throwable cause) {
    super(MESSAGE + (detail == null || detail.isBlank() ? "" : ": " + detail), cause);
  }
}
