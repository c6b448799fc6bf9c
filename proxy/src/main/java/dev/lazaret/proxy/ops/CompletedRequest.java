package dev.lazaret.proxy.ops;

/**
 * One finished request, as metrics and the access log see it.
 *
 * @param remote        the client's IP address
 * @param method        the HTTP method
 * @param uri           the request target as sent (path and query)
 * @param protocol      e.g. {@code HTTP/1.1}
 * @param route         what kind of request it was
 * @param status        the response status
 * @param bytes         body bytes written to the client
 * @param durationNanos from the request head being read to the last byte being written
 * @param cache         the {@code X-Lazaret-Cache} value sent, or {@code null}
 * @param requestId     the request id sent back in {@code X-Request-Id}
 * @param complete      false if the response was cut off (client gone, download aborted)
 */
public record CompletedRequest(String remote, String method, String uri, String protocol,
    RequestRoute route, int status, long bytes, long durationNanos, String cache,
    String requestId, boolean complete) {}
