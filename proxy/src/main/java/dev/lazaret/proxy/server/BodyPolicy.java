package dev.lazaret.proxy.server;

import io.netty.handler.codec.http.HttpRequest;

/**
 * Which requests may carry a body, and how large: decided from the request head alone, before a
 * byte of the body is buffered. Routes that take none get their body discarded unread.
 */
@FunctionalInterface
public interface BodyPolicy {

  /** The largest body {@code head}'s route takes, in bytes; 0 if it takes none. */
  long maxBody(HttpRequest head);
}
