package dev.lazaret.storage;

/**
 * A write (or, while the store is being reopened, any access) failed because the disk cannot take
 * writes: full, read-only or failing. Unlike other {@link StoreException}s this is expected to pass:
 * the store recovers by itself once writes work again, so callers should serve what they can
 * without storing it, or answer "temporarily unavailable" rather than "internal error".
 */
public final class WritesFailingException extends StoreException {

  private final transient WriteFailure failure;

  /** A failure of {@code operation}'s write, for the reason recorded in {@code failure}. */
  public WritesFailingException(String message, WriteFailure failure, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  /** Why writes fail, and since when. */
  public WriteFailure failure() {
    return failure;
  }
}
