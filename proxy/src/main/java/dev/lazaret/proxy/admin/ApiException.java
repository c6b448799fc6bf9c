package dev.lazaret.proxy.admin;

/** A request the API refuses, with the status and the message the caller gets. */
public final class ApiException extends RuntimeException {

  private final int status;

  /** A refusal with {@code status} and {@code message}. */
  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** 400 with {@code message}. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  /** 404 with {@code message}. */
  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }
}
