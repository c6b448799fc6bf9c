package dev.lazaret.proxy.ops;

/**
 * Where the server reports each finished request: metrics, the access log, and a note that
 * something was served from the cache (readiness counts on it when the upstream is down).
 */
public final class RequestRecorder {

  /** Records nothing: for servers started without operations wiring. */
  public static final RequestRecorder NONE = new RequestRecorder(null, null);

  private final RequestMetrics metrics;
  private final AccessLog accessLog;
  private volatile boolean servedFromCache;

  /** Records into {@code metrics} and {@code accessLog}. */
  public RequestRecorder(RequestMetrics metrics, AccessLog accessLog) {
    this.metrics = metrics;
    this.accessLog = accessLog;
  }

  /** Called once per request, on the connection's event loop, after its last write. */
  public void record(CompletedRequest request) {
    if (metrics == null) {
      return;
    }
    metrics.record(request);
    accessLog.log(request);
    if (!servedFromCache && request.cache() != null && !request.cache().equals("miss")) {
      servedFromCache = true;
    }
  }

  /** Whether any response so far came from the cache (hit, revalidated or stale). */
  public boolean servedFromCache() {
    return servedFromCache;
  }
}
