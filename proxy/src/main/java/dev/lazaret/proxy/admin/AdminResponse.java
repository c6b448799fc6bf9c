package dev.lazaret.proxy.admin;

import dev.lazaret.proxy.ops.OpsAnswer;
import java.util.HashMap;
import java.util.Map;

/**
 * A complete admin response.
 *
 * @param status      HTTP status
 * @param contentType the body's media type
 * @param body        the body
 * @param headers     further headers (e.g. {@code WWW-Authenticate}), may be empty
 */
public record AdminResponse(int status, String contentType, byte[] body,
    Map<String, String> headers) {

  private static final String JSON = "application/json";

  /** A JSON document (see {@link ApiJson}). */
  public static AdminResponse json(int status, Object document) {
    return new AdminResponse(status, JSON, ApiJson.write(document), Map.of());
  }

  /** A copy with the header {@code name: value} too. */
  public AdminResponse withHeader(String name, String value) {
    Map<String, String> all = new HashMap<>(headers);
    all.put(name, value);
    return new AdminResponse(status, contentType, body, Map.copyOf(all));
  }

  /** {@code {"error": message}}, the admin API's one error shape. */
  public static AdminResponse error(int status, String message) {
    return json(status, Map.of("error", message));
  }

  /** An operations endpoint's answer as it is. */
  public static AdminResponse of(OpsAnswer answer) {
    return new AdminResponse(answer.status(), answer.contentType(), answer.body(), Map.of());
  }
}
