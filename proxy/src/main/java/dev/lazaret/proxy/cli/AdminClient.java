package dev.lazaret.proxy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.lazaret.proxy.Version;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls Lazaret's admin API (docs/ADMIN-API.md) with a bearer token and turns every failure into
 * an {@link AdminApiException} that says what to do: the API's own {@code {"error"}} text, or
 * why the listener could not be reached.
 */
final class AdminClient implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final String tokenSource;
  private final HttpClient http;

  /**
   * A client for the API under {@code base}.
   *
   * @param base        the admin listener's base URL, ending with {@code /}
   * @param token       the bearer token
   * @param tokenSource where the token came from, for the 401 message
   */
  AdminClient(URI base, String token, String tokenSource) {
    this.base = base;
    this.token = token;
    this.tokenSource = tokenSource;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * One path segment, percent-encoded: {@code @acme/ui} becomes {@code %40acme%2Fui}, as the API
   * expects scoped names.
   */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A query parameter value, percent-encoded. */
  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@code GET path} ({@code path} relative to the base, already encoded). */
  JsonNode get(String path) throws AdminApiException {
    return send("GET", path, null);
  }

  /** {@code POST path} with a JSON body. */
  JsonNode post(String path, JsonNode body) throws AdminApiException {
    return send("POST", path, body);
  }

  /** {@code DELETE path}, with a JSON body if {@code body} is not null. */
  JsonNode delete(String path, JsonNode body) throws AdminApiException {
    return send("DELETE", path, body);
  }

  private JsonNode send(String method, String path, JsonNode body) throws AdminApiException {
    URI uri = base.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new AdminApiException("cannot reach the admin API at " + base + " (connection"
          + " refused); is 'lazaret serve' running? Set --admin or LAZARET_ADMIN_URL");
    } catch (HttpTimeoutException e) {
      throw new AdminApiException("the admin API at " + base + " did not answer within "
          + REQUEST_TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      throw new AdminApiException("cannot reach the admin API at " + base + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdminApiException("interrupted");
    }
    return answer(method, uri, response);
  }

  private JsonNode answer(String method, URI uri, HttpResponse<String> response)
      throws AdminApiException {
    int status = response.statusCode();
    JsonNode json = parse(response.body());
    if (status >= 200 && status < 300) {
      if (json == null) {
        throw new AdminApiException(method + " " + uri.getRawPath() + ": the answer is not"
            + " JSON; is " + base + " Lazaret's admin listener?");
      }
      return json;
    }
    String error = json != null && json.path("error").isTextual() ? json.path("error").asText()
        : "HTTP " + status;
    throw new AdminApiException(switch (status) {
      case 401 -> "authentication failed: check " + tokenSource;
      case 403 -> "permission denied: " + error + " (the token's role does not allow this)";
      case 429 -> "too many failed attempts: " + error + "; wait and try again";
      default -> error;
    });
  }

  /** The body as JSON, {@code NullNode} if empty, or null if it is not JSON. */
  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return NpmJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
