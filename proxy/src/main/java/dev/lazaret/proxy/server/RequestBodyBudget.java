package dev.lazaret.proxy.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of request bodies held right now across every connection of a listener: each body
 * reserves its size before it is buffered and gives it back once its response is written, so
 * many concurrent uploads cannot together exhaust the heap however small each one is.
 */
final class RequestBodyBudget {

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  RequestBodyBudget(long limit) {
    this.limit = limit;
  }

  /** Reserves {@code bytes}; false (nothing reserved) if that would pass the limit. */
  boolean tryReserve(long bytes) {
    while (true) {
      long now = used.get();
      if (bytes > limit - now) {
        return false;
      }
      if (used.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  long used() {
    return used.get();
  }
}
