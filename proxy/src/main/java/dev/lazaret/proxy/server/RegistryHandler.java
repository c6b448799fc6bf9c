package dev.lazaret.proxy.server;

import dev.lazaret.proxy.npm.RegistryPath;
import dev.lazaret.proxy.ops.OpsAnswer;
import dev.lazaret.proxy.ops.OpsEndpoints;
import dev.lazaret.proxy.ops.RequestRoute;
import dev.lazaret.proxy.registry.Registry;
import dev.lazaret.proxy.registry.Served;
import dev.lazaret.proxy.upstream.RelayTarget;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
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
  private final ServerHooks hooks;

  RegistryHandler(Registry registry, InFlight inFlight, Optional<URI> publicUrl,
      ServerHooks hooks) {
    this.registry = registry;
    this.inFlight = inFlight;
    this.responder = new Responder(inFlight);
    this.streamer = new TarballStreamer(responder);
    this.relay = new Relay(registry.upstream(), responder);
    this.publicUrl = publicUrl;
    this.hooks = hooks;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    inFlight.begin();
    // Requests arrive one at a time (PipelineOrder holds the next until this one is answered),
    // so every path below must end in a response, whatever it throws.
    Exchange exchange = ExchangeObserver.claim(ctx);
    RequestInfo req = RequestInfo.of(request, publicUrl,
        (java.net.InetSocketAddress) ctx.channel().localAddress(), exchange.requestId());
    try {
      route(ctx, request, req, exchange);
    } catch (RuntimeException e) {
      responder.sendFailure(ctx, req, e);
    }
  }

  private void route(ChannelHandlerContext ctx, FullHttpRequest request, RequestInfo req,
      Exchange exchange) {
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
    Supplier<OpsAnswer> probe = opsEndpoint(req.path());
    if (probe != null) {
      exchange.route(RequestRoute.OPS);
      answerOps(ctx, req, probe);
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
    exchange.route(label(route, req.wantsAbbreviated()));
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
          req.wantsAbbreviated() ? Responder.ABBREVIATED_JSON : Responder.JSON_TYPE);
      case RegistryPath.Version v -> reply(ctx, req,
          registry.version(v.name(), v.spec(), req.baseUrl()), Responder.JSON_TYPE);
      case RegistryPath.DistTags d ->
          reply(ctx, req, registry.distTags(d.name()), Responder.JSON_TYPE);
      case RegistryPath.QuarantineStatus q ->
          reply(ctx, req, registry.quarantineStatus(q.name()), Responder.JSON_TYPE);
      case RegistryPath.Tarball t -> registry.tarball(t.name(), t.file())
          .whenComplete((source, err) -> answering(ctx, req, () -> {
            if (err != null) {
              responder.sendFailure(ctx, req, Registry.cause(err));
            } else if (source.whole() != null) {
              // Held in memory: nothing can block, so it goes out from this thread, usually the
              // event loop itself.
              streamer.sendWhole(ctx, req, source);
            } else if (Thread.currentThread().isVirtual()) {
              // Completed by the registry's own blocking task, which has nothing left to do:
              // stream from it rather than hopping to yet another virtual thread.
              streamer.stream(ctx, req, source);
            } else {
              offLoop(ctx, req, () -> streamer.stream(ctx, req, source));
            }
          }));
      case RegistryPath.Relay r -> relayToUpstream(ctx, request, req, post);
    }
  }

  private void relayToUpstream(ChannelHandlerContext ctx, FullHttpRequest request, RequestInfo req,
      boolean post) {
    String target;
    try {
      target = RelayTarget.escaped(req.pathAndQuery());
    } catch (IllegalArgumentException e) {
      responder.sendError(ctx, req, HttpResponseStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : RELAYED_REQUEST_HEADERS) {
      String value = request.headers().get(h);
      if (value != null) {
        headers.put(h, value);
      }
    }
    byte[] body = post ? ByteBufUtil.getBytes(request.content()) : null;
    offLoop(ctx, req, () -> relay.relay(ctx, req, target, headers, body));
  }

  /**
   * Runs blocking work on a virtual thread. Whatever it throws is answered, and so is a refusal
   * to run it (the executor stops at shutdown): a request left unanswered would hold its
   * connection, and every request pipelined behind it, until the idle timeout.
   */
  private void offLoop(ChannelHandlerContext ctx, RequestInfo req, Runnable work) {
    try {
      registry.blockingExecutor().execute(() -> answering(ctx, req, work));
    } catch (RejectedExecutionException e) {
      responder.sendError(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE,
          "Lazaret is shutting down");
    }
  }

  /** Runs {@code work}, answering 500 if it throws before it answered. */
  private void answering(ChannelHandlerContext ctx, RequestInfo req, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      responder.sendFailure(ctx, req, e);
    }
  }

  /** Whether {@code uri} names one of the audit relays, the only routes that take a body. */
  static boolean isAuditPath(String uri) {
    int q = uri.indexOf('?');
    try {
      return isPostRoute(RegistryPath.parse(q < 0 ? uri : uri.substring(0, q)));
    } catch (IllegalArgumentException | NoSuchElementException e) {
      return false;
    }
  }

  /** Health, readiness and (if enabled) metrics; null for every other path. */
  private Supplier<OpsAnswer> opsEndpoint(String path) {
    return switch (path) {
      case OpsEndpoints.HEALTH -> hooks.endpoints()::health;
      case OpsEndpoints.READY -> hooks.endpoints()::ready;
      case OpsEndpoints.METRICS -> hooks.metricsEndpoint() ? hooks.endpoints()::metrics : null;
      default -> null;
    };
  }

  /** Answers off the event loop: readiness asks the store, a scrape walks every metric. */
  private void answerOps(ChannelHandlerContext ctx, RequestInfo req, Supplier<OpsAnswer> probe) {
    if (req.method().equals(HttpMethod.POST)) {
      responder.sendError(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED,
          "POST is not supported on " + req.path());
      return;
    }
    offLoop(ctx, req, () -> {
      OpsAnswer answer = probe.get();
      responder.sendBytes(ctx, req, HttpResponseStatus.valueOf(answer.status()),
          answer.contentType(), answer.body());
    });
  }

  /** The metrics label of a parsed registry path. */
  static RequestRoute label(RegistryPath route, boolean abbreviated) {
    return switch (route) {
      case RegistryPath.Ping p -> RequestRoute.PING;
      case RegistryPath.Packument p ->
          abbreviated ? RequestRoute.PACKUMENT_ABBREVIATED : RequestRoute.PACKUMENT;
      case RegistryPath.Version v -> RequestRoute.VERSION;
      case RegistryPath.DistTags d -> RequestRoute.DIST_TAGS;
      case RegistryPath.QuarantineStatus q -> RequestRoute.QUARANTINE_STATUS;
      case RegistryPath.Tarball t -> RequestRoute.TARBALL;
      case RegistryPath.Relay r -> RequestRoute.RELAY;
    };
  }

  private static boolean isPostRoute(RegistryPath route) {
    return route instanceof RegistryPath.Relay r
        && (r.kind().equals("audit-bulk") || r.kind().equals("audit-quick"));
  }

  private void reply(ChannelHandlerContext ctx, RequestInfo req, CompletableFuture<Served> served,
      AsciiString contentType) {
    served.whenComplete((s, err) -> answering(ctx, req, () -> {
      if (err != null) {
        responder.sendFailure(ctx, req, Registry.cause(err));
      } else {
        responder.sendView(ctx, req, s, contentType);
      }
    }));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
