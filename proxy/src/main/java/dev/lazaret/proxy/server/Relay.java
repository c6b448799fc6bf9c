package dev.lazaret.proxy.server;

import dev.lazaret.proxy.registry.RegistryException;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays endpoints Lazaret does not interpret (search, audit, signing keys, attestations) to the
 * upstream and its answer back, status and body unchanged.
 */
final class Relay {

  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  private final Upstream upstream;
  private final Responder responder;

  Relay(Upstream upstream, Responder responder) {
    this.upstream = upstream;
    this.responder = responder;
  }

  /**
   * Relays and answers; blocks the calling (virtual) thread.
   *
   * @param target the path and query to ask the upstream for ({@link dev.lazaret.proxy.upstream.RelayTarget#escaped})
   */
  void relay(ChannelHandlerContext ctx, RequestInfo req, String target,
      Map<String, String> headers, byte[] body) {
    RelayResponse answer;
    try {
      answer = upstream.relay(req.method().name(), target, headers, body);
    } catch (UpstreamException e) {
      responder.sendFailure(ctx, req, new RegistryException.UpstreamFailed(e.getMessage(),
          e.kind() == UpstreamException.Kind.TIMEOUT));
      return;
    } catch (RuntimeException e) {
      // The upstream client should only throw UpstreamException; a bug there is still a 502.
      log.warn("relaying {} failed", req.path(), e);
      responder.sendFailure(ctx, req, new RegistryException.UpstreamFailed(
          "could not relay the request to the upstream: " + e, false));
      return;
    }
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
    answer.headers().forEach((k, v) -> resp.headers().set(k, v));
    responder.send(ctx, req, resp);
  }
}
