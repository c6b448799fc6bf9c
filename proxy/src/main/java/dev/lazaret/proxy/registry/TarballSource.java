package dev.lazaret.proxy.registry;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Tarball bytes to send, piece by piece: either a verified tarball from the store or one still
 * downloading. Reads block (callers are virtual threads), so a slow client only ever holds the
 * piece it is being sent.
 */
public interface TarballSource {

  /** Whether the bytes come from the store (a hit) rather than a download (a miss). */
  default boolean fromStore() {
    return false;
  }

  /** Blocks until the response can start; returns the total length if known. */
  OptionalLong awaitLength() throws TarballAbortedException, InterruptedException;

  /**
   * Blocks until the bytes at {@code offset} may be sent and returns the next piece starting
   * there, or {@code null} once {@code offset} is the end of a verified tarball.
   *
   * @throws TarballAbortedException if the download failed or did not match its digest: the
   *                                 response must be aborted, never completed
   */
  ByteBuffer next(long offset) throws TarballAbortedException, InterruptedException;

  /** Thrown when a tarball being streamed turns out unusable. */
  final class TarballAbortedException extends Exception {
    private final RegistryException cause;

    /** Wraps the registry error to answer with if nothing was sent yet. */
    public TarballAbortedException(RegistryException cause) {
      super(cause.getMessage(), null, false, false);
      this.cause = cause;
    }

    /** The error to answer with if the response has not started. */
    public RegistryException error() {
      return cause;
    }
  }
}
