package dev.lazaret.proxy.registry;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
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

  /**
   * The whole verified tarball if it is already in memory (then nothing blocks and it can be
   * sent from the event loop), else null. The caller must write (or release) it.
   */
  default ByteBuf whole() {
    return null;
  }

  /** Blocks until the response can start; returns the total length if known. */
  OptionalLong awaitLength() throws TarballAbortedException, InterruptedException;

  /**
   * Blocks until the bytes at {@code offset} may be sent and returns the next piece starting
   * there, or {@code null} once {@code offset} is the end of a verified tarball. The caller owns
   * (and must write or release) the piece; stored bytes are read into a buffer from {@code alloc}.
   *
   * @throws TarballAbortedException if the download failed or did not match its digest: the
   *                                 response must be aborted, never completed
   */
  ByteBuf next(long offset, ByteBufAllocator alloc) throws TarballAbortedException, InterruptedException;

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
