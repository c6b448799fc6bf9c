package dev.lazaret.proxy.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.npm.NpmJson;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** Hand-written upstream answers for hostile-upstream tests, and reading Lazaret's errors. */
final class Hostile {

  private Hostile() {
  }

  /** 200 with a JSON body. */
  static FakeUpstream.RawAnswer json(byte[] body) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      send(exchange, 200, body);
    };
  }

  /** 200 with a gzip-encoded JSON body, sent as given. */
  static FakeUpstream.RawAnswer gzipJson(byte[] gzipped) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      send(exchange, 200, gzipped);
    };
  }

  /** 200 with bytes. */
  static FakeUpstream.RawAnswer bytes(byte[] body) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      send(exchange, 200, body);
    };
  }

  /** 302 to {@code location}. */
  static FakeUpstream.RawAnswer redirect(String location) {
    return exchange -> {
      exchange.getResponseHeaders().set("Location", location);
      exchange.sendResponseHeaders(302, -1);
    };
  }

  private static void send(com.sun.net.httpserver.HttpExchange exchange, int status,
      byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The {@code error} of an npm-style JSON error body. */
  static String error(HttpResponse<byte[]> response) {
    try {
      JsonNode body = NpmJson.MAPPER.readTree(response.body());
      return body.path("error").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
