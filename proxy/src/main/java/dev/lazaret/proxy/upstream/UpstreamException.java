package dev.lazaret.proxy.upstream;

/** The upstream could not give an answer: unreachable, too slow, or a server error. */
public class UpstreamException extends Exception {

  /** Why the upstream failed; decides between 502 and 504. */
  public enum Kind {
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** Connection refused, reset, DNS failure, TLS failure. */
    UNREACHABLE,
    /** The upstream answered with a status Lazaret cannot use (5xx, 429, unexpected 4xx). */
    BAD_STATUS,
    /** The upstream answered 200 with a body that is not what was asked for. */
    BAD_BODY
  }

  private final Kind kind;
  private final int status;

  /** A failure of the given kind, described for logs and error bodies. */
  public UpstreamException(Kind kind, String message, Throwable cause) {
    // Messages name URLs (tarball URLs from packuments, the upstream's own) and end up in logs
    // and in answers to clients: no credentials in them.
    super(PrintableUrl.in(message), cause);
    this.kind = kind;
    this.status = 0;
  }

  /** The upstream answered with an unusable status. */
  public UpstreamException(int status, String message) {
    super(PrintableUrl.in(message));
    this.kind = Kind.BAD_STATUS;
    this.status = status;
  }

  /** The upstream's status for {@link Kind#BAD_STATUS}, else 0. */
  public int status() {
    return status;
  }

  /** A failure of the given kind, described for logs and error bodies. */
  public UpstreamException(Kind kind, String message) {
    this(kind, message, null);
  }

  /** Why it failed. */
  public Kind kind() {
    return kind;
  }
}
