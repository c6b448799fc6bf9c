package dev.lazaret.proxy.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Just enough of the admin API (docs/ADMIN-API.md) on 127.0.0.1 for CLI tests: bearer-token
 * check, canned answers by method and raw path, JSON errors, and a record of every request.
 */
final class StubAdminApi implements AutoCloseable {

  /** The token the stub accepts. */
  static final String TOKEN = "s3cret-token";

  /** A request as received: the path is raw (still percent-encoded), the query apart. */
  record Request(String method, String path, String query, String authorization, String body) {
  }

  /** An answer: status and JSON body. */
  record Answer(int status, String json) {
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();

  private StubAdminApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A running stub; a field initialiser can call it. */
  static StubAdminApi start() {
    try {
      return new StubAdminApi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL to pass as {@code --admin}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Answers {@code method rawPath} with {@code status} and {@code json}. */
  StubAdminApi on(String method, String rawPath, int status, String json) {
    return on(method, rawPath, r -> new Answer(status, json));
  }

  /** Answers {@code method rawPath} as {@code answer} says. */
  StubAdminApi on(String method, String rawPath, Function<Request, Answer> answer) {
    routes.put(method + " " + rawPath, answer);
    return this;
  }

  /** Every request received, in order. */
  List<Request> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Request request = new Request(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getFirst("Authorization"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      requests.add(request);
      Answer answer;
      if (!("Bearer " + TOKEN).equals(request.authorization())) {
        answer = new Answer(401, "{\"error\": \"authentication required\"}");
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
      } else {
        answer = routes.getOrDefault(request.method() + " " + request.path(),
            r -> new Answer(404, "{\"error\": \"no such route\"}")).apply(request);
      }
      byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
