package dev.lazaret.proxy.upstream;

/**
 * Lazaret would not send a request to an origin its upstream may not use: a {@code dist.tarball}
 * on another host, a redirect elsewhere, or too many redirects. Nothing was sent there. The
 * upstream itself answered fine, so this is never counted as an outage.
 */
public final class RefusedOriginException extends UpstreamException {

  private final String refused;

  private RefusedOriginException(Kind kind, String refused, String message) {
    super(kind, message);
    this.refused = refused;
  }

  /** A URL (from a packument) that points outside the allowed origins. */
  static RefusedOriginException url(String refused, String message) {
    return new RefusedOriginException(Kind.BAD_BODY, refused, message);
  }

  /** A redirect the upstream answered with that Lazaret will not follow. */
  static RefusedOriginException redirect(String refused, String message) {
    return new RefusedOriginException(Kind.BAD_STATUS, refused, message);
  }

  /** The origin (or location) that was refused, as shown in the message. */
  public String refused() {
    return refused;
  }
}
