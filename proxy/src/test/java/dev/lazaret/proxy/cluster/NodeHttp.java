package dev.lazaret.proxy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP/1.1 calls to a node or the balancer over one keep-alive client, with a bearer token. */
final class NodeHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: its status and body. */
  record Answer(URI uri, int status, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
    }

    /** For assertion messages. */
    @Override
    public String toString() {
      String t = text();
      return uri + " -> " + status + " " + (t.length() > 2_000 ? t.substring(0, 2_000) + "..." : t);
    }
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** {@code GET uri}, with {@code token} as a bearer token unless null. */
  Answer get(URI uri, String token) {
    return send(request(uri, token).GET().build());
  }

  /** {@code POST uri} with a JSON body. */
  Answer post(URI uri, String token, String json) {
    return send(request(uri, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static HttpRequest.Builder request(URI uri, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(request.uri(), r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.uri(), e);
    }
  }
}
