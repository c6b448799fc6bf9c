package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.CompletedRequest;
import dev.lazaret.proxy.ops.RequestRoute;

/**
 * One request and its response as they pass the connection, from the request head to the last
 * write. Touched only on the connection's event loop.
 */
final class Exchange {

  private final long startNanos;
  private final String method;
  private final String uri;
  private final String protocol;
  private final String requestId;
  private RequestRoute route = RequestRoute.OTHER;
  private boolean claimed;
  private boolean responded;
  private int status;
  private String cache;
  private long bytes;

  Exchange(long startNanos, String method, String uri, String protocol, String requestId) {
    this.startNanos = startNanos;
    this.method = method;
    this.uri = uri;
    this.protocol = protocol;
    this.requestId = requestId;
  }

  String requestId() {
    return requestId;
  }

  /** Labels the request once the router knows what it is. */
  void route(RequestRoute value) {
    route = value;
  }

  /** Marks this exchange as taken by the router; false if it already was. */
  boolean claim() {
    if (claimed) {
      return false;
    }
    claimed = true;
    return true;
  }

  boolean responded() {
    return responded;
  }

  void respond(int statusCode, String cacheHeader) {
    responded = true;
    status = statusCode;
    cache = cacheHeader;
  }

  void sent(long count) {
    bytes += count;
  }

  CompletedRequest complete(String remote, long endNanos, boolean complete) {
    return new CompletedRequest(remote, method, uri, protocol, route, status, bytes,
        endNanos - startNanos, cache, requestId, complete);
  }
}
