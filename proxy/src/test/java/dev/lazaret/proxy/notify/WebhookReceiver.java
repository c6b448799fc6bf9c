package dev.lazaret.proxy.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A webhook receiver on 127.0.0.1 for tests: records every POST body and answers with the status
 * {@code answer} gives for the request's number (1-based), after an optional pause.
 */
final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final BlockingQueue<JsonNode> bodies = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<String> contentTypes = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile IntFunction<Integer> answer = n -> 204;
  private volatile Pause pause = n -> { };

  /** What to do before answering request {@code n}; may block. */
  interface Pause {
    void before(int n) throws InterruptedException;
  }

  /** A running receiver; a field initialiser can call it. */
  static WebhookReceiver start() {
    try {
      return new WebhookReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T0/B0/x");
  }

  WebhookReceiver answering(IntFunction<Integer> statusByRequest) {
    this.answer = statusByRequest;
    return this;
  }

  WebhookReceiver pausing(Pause before) {
    this.pause = before;
    return this;
  }

  /** The next body received, waiting up to 5 s. */
  JsonNode next() throws InterruptedException {
    JsonNode body = bodies.poll(5, TimeUnit.SECONDS);
    if (body == null) {
      throw new AssertionError("no webhook request within 5 s");
    }
    return body;
  }

  /** The next body received within {@code millis}, or null. */
  JsonNode poll(long millis) throws InterruptedException {
    return bodies.poll(millis, TimeUnit.MILLISECONDS);
  }

  int requests() {
    return requests.get();
  }

  String lastContentType() {
    return contentTypes.peek();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int n = requests.incrementAndGet();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
      bodies.add(NpmJson.MAPPER.readTree(body));
      try {
        pause.before(n);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      exchange.sendResponseHeaders(answer.apply(n), -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
