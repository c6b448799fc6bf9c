package dev.lazaret.proxy.server;

import dev.lazaret.proxy.npm.RegistryPath;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.registry.Served;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes registry requests: checks the request, classifies its path, and hands it to the
 * registry, the tarball streamer or the relay. Guard clauses first, one route per case.
 */
@ChannelHandler.Sharable
final class RegistryHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(RegistryHandler.class);
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
  private static final List<String> RELAYED_REQUEST_HEADERS =
      List.of("content-type", "content-encoding", "accept", "accept-encoding", "npm-command");

  private final Registry registry;
  private final Responder responder;
  private final TarballStreamer streamer;
  private final Relay relay;
  private final InFlight inFlight;
  private final Optional<URI> publicUrl;
  private final AtomicLong requestIds = new AtomicLong();

  RegistryHandler(Registry registry, InFlight inFlight, Optional<URI> publicUrl) {
    this.registry = registry;
    this.inFlight = inFlight;
    this.responder = new Responder(inFlight);
    this.streamer = new TarballStreamer(responder);
    this.relay = new Relay(registry.upstream(), responder);
    this.publicUrl = publicUrl;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    inFlight.begin();
    // One response at a time per connection: the next request is read only once this response's
    // last write completed (Responder.finish turns reading back on). Without this, a client that
    // sends its next request as soon as it has Content-Length bytes can race our final
    // LastHttpContent, and the codec would reject the second response.
    ctx.channel().config().setAutoRead(false);
    RequestInfo req = RequestInfo.of(request, publicUrl,
        (java.net.InetSocketAddress) ctx.channel().localAddress(),
        Long.toString(requestIds.incrementAndGet(), 36));
    if (!request.decoderResult().isSuccess()) {
      responder.sendError(ctx, req, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
      return;
    }
    HttpMethod method = request.method();
    if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)
        && !method.equals(HttpMethod.POST)) {
      responder.sendError(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED,
          method + " is not supported: Lazaret is a read-only mirror");
      return;
    }
    RegistryPath route;
    try {
      route = RegistryPath.parse(req.path());
    } catch (IllegalArgumentException e) {
      responder.sendError(ctx, req, HttpResponseStatus.BAD_REQUEST, e.getMessage());
      return;
    } catch (NoSuchElementException e) {
      responder.sendError(ctx, req, HttpResponseStatus.NOT_FOUND, "not found");
      return;
    }
    boolean post = method.equals(HttpMethod.POST);
    if (post != isPostRoute(route)) {
      responder.sendError(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED,
          method + " is not supported on " + req.path());
      return;
    }
    switch (route) {
      case RegistryPath.Ping p -> responder.sendJson(ctx, req, HttpResponseStatus.OK, EMPTY_OBJECT);
      case RegistryPath.Packument p -> reply(ctx, req,
          registry.packument(p.name(), req.wantsAbbreviated(), req.baseUrl()),
          req.wantsAbbreviated() ? Responder.ABBREVIATED_JSON : Responder.JSON);
      case RegistryPath.Version v -> reply(ctx, req,
          registry.version(v.name(), v.spec(), req.baseUrl()), Responder.JSON);
      case RegistryPath.DistTags d -> reply(ctx, req, registry.distTags(d.name()), Responder.JSON);
      case RegistryPath.Tarball t -> registry.tarball(t.name(), t.file()).whenComplete((source, err) -> {
        if (err != null) {
          responder.sendFailure(ctx, req, Registry.cause(err));
        } else {
          registry.blockingExecutor().execute(() -> streamer.stream(ctx, req, source));
        }
      });
      case RegistryPath.Relay r -> {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : RELAYED_REQUEST_HEADERS) {
          String value = request.headers().get(h);
          if (value != null) {
            headers.put(h, value);
          }
        }
        byte[] body = post ? ByteBufUtil.getBytes(request.content()) : null;
        registry.blockingExecutor().execute(() -> relay.relay(ctx, req, headers, body));
      }
    }
  }

  private static boolean isPostRoute(RegistryPath route) {
    return route instanceof RegistryPath.Relay r
        && (r.kind().equals("audit-bulk") || r.kind().equals("audit-quick"));
  }

  private void reply(ChannelHandlerContext ctx, RequestInfo req, CompletableFuture<Served> served,
      String contentType) {
    served.whenComplete((s, err) -> {
      if (err != null) {
        responder.sendFailure(ctx, req, Registry.cause(err));
      } else {
        responder.sendView(ctx, req, s, contentType);
      }
    });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
