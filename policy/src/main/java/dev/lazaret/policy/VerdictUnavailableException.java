package dev.lazaret.policy;

/**
 * A verdict cannot be established now because something it depends on (the shared quarantine
 * state) cannot be read. Callers fail closed: what has no verdict is not served.
 */
public final class VerdictUnavailableException extends RuntimeException {

  /** Unavailable for the reason in {@code message}, because of {@code cause}. */
  public VerdictUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
