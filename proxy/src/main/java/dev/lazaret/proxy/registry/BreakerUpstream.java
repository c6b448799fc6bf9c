package dev.lazaret.proxy.registry;

import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import java.net.URI;
import java.util.Map;

/**
 * An {@link Upstream} behind an {@link UpstreamBreaker}: while the breaker is open every
 * packument and tarball call fails at once with an {@link UpstreamException} (a timeout if a timeout opened it), so the
 * callers' usual failure handling (serve stale, else 502/504) answers without waiting.
 */
public final class BreakerUpstream implements Upstream {

  private final Upstream delegate;
  private final UpstreamBreaker breaker;

  /** Guards {@code delegate} with {@code breaker}. */
  public BreakerUpstream(Upstream delegate, UpstreamBreaker breaker) {
    this.delegate = delegate;
    this.breaker = breaker;
  }

  /** Blocking call to the upstream, as each operation makes it. */
  @FunctionalInterface
  private interface Call<T> {
    T call() throws UpstreamException;
  }

  @Override
  public URI base() {
    return delegate.base();
  }

  @Override
  public PackumentResponse packument(PackageName name, String etag, String lastModified)
      throws UpstreamException {
    return guarded(() -> delegate.packument(name, etag, lastModified));
  }

  @Override
  public TarballResponse tarball(String url) throws UpstreamException {
    return guarded(() -> delegate.tarball(url));
  }

  /**
   * Relayed calls (search, audit) bypass the breaker: neither refused by it nor reported to it.
   * Their cost is chosen by the client (a slow search, a large audit POST), so one client's
   * timeout must not make every uncached packument and tarball fail fast for everyone.
   */
  @Override
  public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
      byte[] body) throws UpstreamException {
    return delegate.relay(method, pathAndQuery, headers, body);
  }

  /** The breaker guarding this upstream. */
  public UpstreamBreaker breaker() {
    return breaker;
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T guarded(Call<T> call) throws UpstreamException {
    if (!breaker.tryAcquire()) {
      throw refusal();
    }
    boolean reported = false;
    try {
      T answer = call.call();
      breaker.succeeded();
      reported = true;
      return answer;
    } catch (UpstreamException e) {
      if (isOutage(e)) {
        breaker.failed(e.getMessage(), e.kind() == UpstreamException.Kind.TIMEOUT);
      } else {
        breaker.succeeded();
      }
      reported = true;
      throw e;
    } finally {
      if (!reported) {
        breaker.released();
      }
    }
  }

  private UpstreamException refusal() {
    String problem = breaker.problem();
    return new Refused(breaker.openedByTimeout() ? UpstreamException.Kind.TIMEOUT
        : UpstreamException.Kind.UNREACHABLE, "upstream " + breaker.upstream()
        + " is not being asked for now: it failed recently"
        + (problem == null ? "" : " (" + problem + ")"));
  }

  /** A call the open breaker did not let through: nothing new was learnt about the upstream. */
  public static final class Refused extends UpstreamException {
    Refused(Kind kind, String message) {
      super(kind, message);
    }
  }

  /** Timeouts, refused connections and server errors; a 404 or a bad body is still an answer. */
  static boolean isOutage(UpstreamException e) {
    return switch (e.kind()) {
      case TIMEOUT, UNREACHABLE -> true;
      case BAD_STATUS -> e.status() >= 500 || e.status() == 429;
      case BAD_BODY -> false;
    };
  }
}
