package dev.lazaret.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Policy;
import dev.lazaret.proxy.config.ServerLimits;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.ops.Metrics;
import dev.lazaret.proxy.ops.OpsEndpoints;
import dev.lazaret.proxy.ops.Readiness;
import dev.lazaret.proxy.ops.RequestRecorder;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.upstream.NamedUpstream;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.proxy.upstream.UpstreamRouter;
import dev.lazaret.storage.Storage;
import dev.lazaret.storage.StorageOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry port's handler in its pipeline, on an {@link EmbeddedChannel} fed raw bytes:
 * pipelining, keep-alive, error answers and back-pressure. Only the relay reaches the (stub)
 * upstream; its answer is written from a virtual thread, so the test waits for that flush.
 */
class RegistryHandlerTest {

  private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 4873);

  /** An embedded channel with socket addresses, as the handler expects. */
  private static final class Connection extends EmbeddedChannel {
    @Override
    protected SocketAddress localAddress0() {
      return LOCAL;
    }

    @Override
    protected SocketAddress remoteAddress0() {
      return new InetSocketAddress("127.0.0.1", 50_000);
    }
  }

  /** An upstream whose relay answers what {@link #relay} supplies, once {@link #gate} opens. */
  private static final class StubUpstream implements Upstream {
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile Supplier<RelayResponse> relay = () -> new RelayResponse(200,
        Map.of("content-type", "application/json"), "{\"objects\":[]}".getBytes());

    @Override
    public URI base() {
      return URI.create("http://127.0.0.1:1/");
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified)
        throws UpstreamException {
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, "stub");
    }

    @Override
    public TarballResponse tarball(String url) throws UpstreamException {
      throw new UpstreamException(UpstreamException.Kind.UNREACHABLE, "stub");
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) {
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return relay.get();
    }

    @Override
    public void close() {}
  }

  @TempDir Path dir;
  private Storage storage;
  private Registry registry;
  private final StubUpstream upstream = new StubUpstream();
  private final Semaphore flushes = new Semaphore(0);
  private Connection channel;

  @BeforeEach
  void start() {
    storage = Storage.open(StorageOptions.defaults(dir.resolve("store")));
    registry = new Registry(storage.packuments(), storage.removedVersions(), storage.tarballs(),
        UpstreamRouter.single(new NamedUpstream("default", upstream)), Policy.allowAll(),
        Clock.systemUTC(), Duration.ofMinutes(5), 16 << 20, () -> 0,
        storage.records("absent"));
    ServerHooks hooks = new ServerHooks(RequestRecorder.NONE,
        new OpsEndpoints(new Readiness(() -> null, () -> true), new Metrics()), false,
        new ListenerStats());
    RegistryHandler router = new RegistryHandler(registry, new InFlight(), Optional.empty(),
        hooks);
    ListenerGuard guard = new ListenerGuard(ServerLimits.defaults(),
        RegistryChannelInitializer::maxBody, 64 << 20, hooks.stats());
    channel = new Connection();
    channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
      @Override
      public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        flushes.release();
      }
    });
    guard.addCodec(channel.pipeline());
    channel.pipeline().addLast(new ExchangeObserver(RequestRecorder.NONE));
    channel.pipeline().addLast(new HttpServerKeepAliveHandler());
    guard.addRequestGate(channel.pipeline());
    channel.pipeline().addLast(router);
  }

  @AfterEach
  void stop() {
    upstream.gate.countDown();
    assertThat(channel.outboundMessages()).as("responses the test did not read").isEmpty();
    // Inbound leftovers are only possible once the channel closed mid-read: an embedded channel
    // removes its handlers at once, so the codec's trailing empty content reaches the tail
    // (a real channel's tail releases it).
    channel.finishAndReleaseAll();
    registry.close();
    storage.close();
  }

  private void send(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
  }

  /** Everything written so far, as (status line, body) pairs in order. */
  private List<String[]> responses() {
    StringBuilder raw = new StringBuilder();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      raw.append(((ByteBuf) o).toString(StandardCharsets.ISO_8859_1));
      ReferenceCountUtil.release(o);
    }
    List<String[]> out = new ArrayList<>();
    String rest = raw.toString();
    while (!rest.isEmpty()) {
      int end = rest.indexOf("\r\n\r\n");
      String head = rest.substring(0, end);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      boolean headRequest = head.contains("X-Test-Head");
      int bodyEnd = end + 4 + (headRequest ? 0 : length);
      out.add(new String[] {head.substring(0, head.indexOf("\r\n")), rest.substring(end + 4,
          bodyEnd), head});
      rest = rest.substring(bodyEnd);
    }
    return out;
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() {
    send(get("/-/ping") + get("/-/nope") + "PUT /left-pad HTTP/1.1\r\nHost: x\r\n"
        + "Content-Length: 2\r\n\r\n{}" + get("/-/ping"));
    List<String[]> r = responses();
    assertThat(r).extracting(x -> x[0]).containsExactly("HTTP/1.1 200 OK",
        "HTTP/1.1 404 Not Found", "HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 200 OK");
    assertThat(r.get(0)[1]).isEqualTo("{}");
    assertThat(r.get(1)[1]).isEqualTo("{\"error\":\"not found\"}");
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void keepAliveFollowsTheRequest() {
    send(get("/-/ping"));
    assertThat(responses()).hasSize(1);
    assertThat(channel.isOpen()).isTrue();
    send("GET /-/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(responses().get(0)[2]).containsIgnoringCase("connection: close");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void http10WithoutKeepAliveIsClosedAfterTheAnswer() {
    send("GET /-/ping HTTP/1.0\r\n\r\n");
    assertThat(responses().get(0)[1]).isEqualTo("{}");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void errorsAreJsonWithTheirStatus() {
    send("GET /left-pad/../../etc HTTP/1.1\r\nHost: x\r\n\r\n"
        + "POST /left-pad HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
        + get("/-/npm/v1/security/advisories/bulk")
        + get("/-/v1/search?text=%zz"));
    List<String[]> r = responses();
    assertThat(r).extracting(x -> x[0]).containsExactly("HTTP/1.1 400 Bad Request",
        "HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 405 Method Not Allowed",
        "HTTP/1.1 400 Bad Request");
    assertThat(r).allSatisfy(x -> assertThat(x[1]).startsWith("{\"error\":\""));
    assertThat(r.get(3)[1]).contains("malformed percent-encoding");
  }

  @Test
  void aMalformedRequestIsA400() {
    send("GET /-/ping HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
    List<String[]> r = responses();
    assertThat(r.get(0)[0]).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(r.get(0)[1]).isEqualTo("{\"error\":\"malformed HTTP request\"}");
  }

  @Test
  void nothingPipelinedBehindConnectionCloseIsRouted() throws Exception {
    List<String> routed = new java.util.concurrent.CopyOnWriteArrayList<>();
    channel.pipeline().addBefore(channel.pipeline().context(RegistryHandler.class).name(),
        "routed", new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            routed.add(((FullHttpRequest) msg).uri());
            ctx.fireChannelRead(msg);
          }
        });
    upstream.gate = new CountDownLatch(1);
    // The ping is decoded and waits while the relay is answered: the relay's Connection: close
    // must end the pipeline before the ping is handed on (its answer could never be sent).
    send("GET /-/v1/search?text=a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        + get("/-/ping"));
    CountDownLatch closed = new CountDownLatch(1);
    channel.closeFuture().addListener(f -> closed.countDown());
    upstream.gate.countDown();
    assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(routed).containsExactly("/-/v1/search?text=a");
    List<String[]> r = responses();
    assertThat(r).hasSize(1);
    assertThat(r.get(0)[2].toLowerCase()).contains("connection: close");
  }

  @Test
  void aMalformedChunkIsA400ThatClosesTheConnection() {
    // The decoder discards every byte after a bad chunk-size line: the ping would never be read.
    send("POST /-/npm/v1/security/advisories/bulk HTTP/1.1\r\nHost: x\r\n"
        + "Transfer-Encoding: chunked\r\n\r\nnot-hex\r\n" + get("/-/ping"));
    List<String[]> r = responses();
    assertThat(r).hasSize(1);
    assertThat(r.get(0)[0]).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(r.get(0)[2].toLowerCase()).contains("connection: close");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void anAuditBodyOverTheCapIsRefusedFromItsHead() {
    send("POST /-/npm/v1/security/advisories/bulk HTTP/1.1\r\nHost: x\r\n"
        + "Content-Length: " + (5 << 20) + "\r\n\r\n");
    String[] r = responses().get(0);
    assertThat(r[0]).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void whileARelayIsPendingNothingMoreIsReadOrAnsweredThenBothGoOutInOrder() throws Exception {
    upstream.gate = new CountDownLatch(1);
    send(get("/-/v1/search?text=a|b") + get("/-/ping"));
    // The search waits on the upstream: reading is off, the ping waits its turn.
    assertThat(channel.config().isAutoRead()).isFalse();
    assertThat((Object) channel.readOutbound()).isNull();

    upstream.gate.countDown();
    assertThat(flushes.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
    List<String[]> r = responses();
    assertThat(r).extracting(x -> x[1]).containsExactly("{\"objects\":[]}", "{}");
    assertThat(channel.config().isAutoRead()).isTrue();
  }

  @Test
  void anUpstreamClientThatThrowsIsStillAnswered() throws Exception {
    upstream.relay = () -> {
      throw new IllegalStateException("bug in the upstream client");
    };
    send(get("/-/npm/v1/keys") + get("/-/ping"));
    assertThat(flushes.tryAcquire(2, 30, TimeUnit.SECONDS)).isTrue();
    List<String[]> r = responses();
    assertThat(r.get(0)[0]).isEqualTo("HTTP/1.1 502 Bad Gateway");
    assertThat(r.get(0)[1]).contains("could not relay");
    assertThat(r.get(1)[1]).isEqualTo("{}");
  }

  @Test
  void aResponseTheUpstreamCannotHaveIsStillAnswered() throws Exception {
    // A header value with a line break cannot be written: the relay's answer fails to build.
    upstream.relay = () -> new RelayResponse(200, Map.of("content-type", "a\r\nb: c"),
        new byte[0]);
    send(get("/-/npm/v1/keys"));
    assertThat(flushes.tryAcquire(1, 30, TimeUnit.SECONDS)).isTrue();
    List<String[]> r = responses();
    assertThat(r.get(0)[0]).isEqualTo("HTTP/1.1 500 Internal Server Error");
    assertThat(r.get(0)[1]).startsWith("{\"error\":\"internal error");
  }
}
