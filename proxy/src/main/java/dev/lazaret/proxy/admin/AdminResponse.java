package dev.lazaret.proxy.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.ops.OpsAnswer;
import java.io.UncheckedIOException;
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

  /** A JSON document. */
  public static AdminResponse json(int status, Object document) {
    try {
      return new AdminResponse(status, JSON, NpmJson.MAPPER.writeValueAsBytes(document), Map.of());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
