package dev.lazaret.proxy.registry;

/**
 * A request that cannot be answered with what was asked for. Each subclass maps to one HTTP
 * status in one place (the server's error responder); the message is what npm shows the user.
 */
public abstract sealed class RegistryException extends RuntimeException {

  /** The {@code {"error": ...}} body, rendered on first use: a remembered 404 renders it once. */
  private volatile byte[] json;

  private RegistryException(String message) {
    super(message, null, false, false);
  }

  /** The npm-style body {@code {"error": message}} as UTF-8 JSON, rendered once per instance. */
  public byte[] json() {
    byte[] body = json;
    if (body == null) {
      body = ErrorBody.of(getMessage());
      json = body;
    }
    return body;
  }

  /** The HTTP status this failure is answered with. */
  public abstract int status();

  /** Whether this answer was remembered rather than found out for this request. */
  public boolean fromCache() {
    return false;
  }

  /** No such package, version, tag or tarball (404). */
  public static final class NotFound extends RegistryException {
    private final boolean fromCache;

    /** A 404 with a message. */
    public NotFound(String message) {
      this(message, false);
    }

    private NotFound(String message, boolean fromCache) {
      super(message);
      this.fromCache = fromCache;
    }

    /** The same 404, answered from the negative cache. */
    NotFound remembered() {
      return new NotFound(getMessage(), true);
    }

    @Override
    public boolean fromCache() {
      return fromCache;
    }

    @Override
    public int status() {
      return 404;
    }
  }

  /** Malformed request (400). */
  public static final class BadRequest extends RegistryException {
    /** A 400 with a message. */
    public BadRequest(String message) {
      super(message);
    }

    @Override
    public int status() {
      return 400;
    }
  }

  /** The version exists but the policy does not let clients have it (403). */
  public static final class Refused extends RegistryException {
    /** A 403 with the policy's explanation. */
    public Refused(String message) {
      super(message);
    }

    @Override
    public int status() {
      return 403;
    }
  }

  /**
   * Lazaret cannot store what it would have to download (disk full or read-only): 503 until the
   * store recovers by itself. Cached content is still served meanwhile.
   */
  public static final class StoreUnavailable extends RegistryException {
    /** A 503 with a message that says storage is failing and why. */
    public StoreUnavailable(String message) {
      super(message);
    }

    @Override
    public int status() {
      return 503;
    }
  }

  /**
   * The quarantine cannot say whether the version may be served (its shared state is
   * unreachable): 503, and it is not served (fail closed) until the state answers again.
   */
  public static final class VerdictUnavailable extends RegistryException {
    /** A 503 whose message says the quarantine state is unavailable. */
    public VerdictUnavailable(String message) {
      super(message);
    }

    @Override
    public int status() {
      return 503;
    }
  }

  /** The upstream failed and nothing usable is cached (502, or 504 for a timeout). */
  public static final class UpstreamFailed extends RegistryException {
    private final boolean timeout;

    /** An upstream failure; {@code timeout} picks 504 over 502. */
    public UpstreamFailed(String message, boolean timeout) {
      super(message);
      this.timeout = timeout;
    }

    @Override
    public int status() {
      return timeout ? 504 : 502;
    }
  }
}
