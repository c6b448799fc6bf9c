package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.Lazaret;
import dev.lazaret.proxy.StartupException;
import dev.lazaret.proxy.admin.AdminResponse;
import dev.lazaret.proxy.admin.AdminRoutes;
import dev.lazaret.proxy.admin.AdminServer;
import dev.lazaret.proxy.config.Operations;
import dev.lazaret.proxy.config.Settings;
import dev.lazaret.proxy.it.RunningProxy;
import dev.lazaret.proxy.testing.FakeUpstream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin listener: its own port, a route table, one-line bind failures. */
class AdminListenerTest {

  @TempDir Path data;

  @Test
  void servesItsRoutesAndRefusesTheRest() {
    try (FakeUpstream upstream = FakeUpstream.start();
         RunningProxy proxy = RunningProxy.start(upstream, data)) {
      assertThat(proxy.adminUrl().getPort()).isNotEqualTo(proxy.url().getPort());
      assertThat(proxy.getAdmin("/metrics").statusCode()).isEqualTo(200);
      HttpResponse<byte[]> missing = proxy.getAdmin("/nothing-here");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(new String(missing.body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"error\":\"not found\"}");
      HttpResponse<byte[]> post = proxy.send(HttpRequest.newBuilder(
          URI.create(proxy.adminUrl() + "metrics")).POST(HttpRequest.BodyPublishers.noBody())
          .build());
      assertThat(post.statusCode()).isEqualTo(405);
      HttpResponse<byte[]> head = proxy.send(HttpRequest.newBuilder(
          URI.create(proxy.adminUrl() + "-/health")).method("HEAD",
              HttpRequest.BodyPublishers.noBody()).build());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  void routesAddedWhileServingAreServedAndFailuresAreA500() throws Exception {
    AdminRoutes routes = new AdminRoutes();
    try (AdminServer admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), routes);
         var http = java.net.http.HttpClient.newHttpClient()) {
      // What the analyst API will do: add routes to the table the listener serves.
      routes.addPrefix("GET", "/api/echo/", r -> AdminResponse.json(200,
              Map.of("rest", r.path().substring("/api/echo/".length()), "q", r.param("q"))))
          .get("/api/boom", r -> {
            throw new IllegalStateException("bug");
          });
      String base = "http://127.0.0.1:" + admin.address().getPort() + "/";
      HttpResponse<String> echo = http.send(HttpRequest.newBuilder(
          URI.create(base + "api/echo/left-pad/1.0.0?q=x%20y")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(echo.statusCode()).isEqualTo(200);
      assertThat(echo.body()).contains("\"rest\":\"left-pad/1.0.0\"").contains("\"q\":\"x y\"");
      HttpResponse<String> boom = http.send(HttpRequest.newBuilder(URI.create(base + "api/boom"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(boom.statusCode()).isEqualTo(500);
      assertThat(boom.body()).isEqualTo("{\"error\":\"internal error; see the Lazaret log\"}");
    }
  }

  @Test
  void aMalformedChunkIsA400ThatClosesTheConnection() throws Exception {
    AdminRoutes routes = new AdminRoutes();
    routes.add("POST", "/api/echo", r -> AdminResponse.json(200, Map.of()));
    try (AdminServer admin = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), routes);
         Socket socket = new Socket("127.0.0.1", admin.address().getPort())) {
      // The decoder discards every byte after a bad chunk-size line: the GET would never be
      // read, and the connection would wait for the header timeout's 408.
      socket.getOutputStream().write(("POST /api/echo HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\n\r\nnot-hex\r\n"
          + "GET /-/health HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(all).startsWith("HTTP/1.1 400 Bad Request\r\n")
          .containsIgnoringCase("connection: close")
          .endsWith("{\"error\":\"malformed HTTP request\"}");
    }
  }

  @Test
  void adminPortInUseIsAOneLineStartupErrorAndReleasesEverything() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
         FakeUpstream upstream = FakeUpstream.start()) {
      assertThatThrownBy(() -> Lazaret.start(settings(upstream, taken.getLocalPort()),
          Clock.systemUTC()))
          .isInstanceOf(StartupException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
              + " (admin listener): address already in use");
      // The store and the registry port were released: a normal start on the same data works.
      Lazaret.start(settings(upstream, 0), Clock.systemUTC()).close();
    }
  }

  private Settings settings(FakeUpstream upstream, int adminPort) {
    return Settings.of(new InetSocketAddress("127.0.0.1", 0), upstream.url(), data)
        .withOperations(new Operations(new InetSocketAddress("127.0.0.1", adminPort), 0,
            Operations.AccessLogFormat.OFF, false));
  }
}
