package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.RequestIds;
import dev.lazaret.proxy.registry.RegistryException;
import dev.lazaret.proxy.registry.TarballSource;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a tarball to one client on a virtual thread, one piece in flight at a time: the next
 * piece is read only after the previous write completed, so a slow client holds one piece of heap,
 * never the tarball. A source that fails midway aborts the connection, so the client sees an
 * incomplete response rather than a complete wrong one.
 */
final class TarballStreamer {

  private static final Logger log = LoggerFactory.getLogger(TarballStreamer.class);

  private final Responder responder;

  TarballStreamer(Responder responder) {
    this.responder = responder;
  }

  /** Streams {@code source}; blocks the calling (virtual) thread until done. */
  void stream(ChannelHandlerContext ctx, RequestInfo req, TarballSource source) {
    OptionalLong length;
    ByteBuffer first = null;
    try {
      length = source.awaitLength();
      // Wait for the first piece before committing to a 200: a download that fails before any
      // byte can go out (e.g. a one-chunk tarball failing verification) gets a proper error
      // response instead of a connection closed with no response at all.
      if (!req.isHead()) {
        first = source.next(0);
      }
    } catch (TarballSource.TarballAbortedException e) {
      log.warn("refusing {} before any byte: {}", req.path(), e.getMessage());
      responder.sendFailure(ctx, req, e.error());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      responder.sendFailure(ctx, req,
          new RegistryException.UpstreamFailed("interrupted while fetching the tarball", false));
      return;
    }
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
    head.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=31536000, immutable");
    head.headers().set(RequestIds.HEADER, req.requestId());
    head.headers().set(Responder.CACHE_HEADER, source.fromStore() ? "hit" : "miss");
    if (length.isPresent()) {
      HttpUtil.setContentLength(head, length.getAsLong());
    } else {
      HttpUtil.setTransferEncodingChunked(head, true);
    }
    Responder.keepAlive(head, req);
    ctx.write(head);
    if (req.isHead()) {
      responder.finish(req, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
      return;
    }
    long offset = 0;
    try {
      while (true) {
        ByteBuffer piece = offset == 0 && first != null ? first : source.next(offset);
        if (piece == null) {
          responder.finish(req, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
          return;
        }
        offset += piece.remaining();
        ChannelFuture written = ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(piece)));
        written.await();
        if (!written.isSuccess()) {
          log.debug("client went away after {} bytes of {}", offset, req.path());
          abort(ctx, req);
          return;
        }
      }
    } catch (TarballSource.TarballAbortedException e) {
      log.warn("aborting {} after {} bytes: {}", req.path(), offset, e.getMessage());
      abort(ctx, req);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(ctx, req);
    } catch (RuntimeException e) {
      log.error("streaming {} failed after {} bytes", req.path(), offset, e);
      abort(ctx, req);
    }
  }

  /** Closes the connection mid-response: the client cannot mistake it for a complete tarball. */
  private void abort(ChannelHandlerContext ctx, RequestInfo req) {
    ChannelFuture closed = ctx.channel().close();
    responder.finish(req, closed);
  }
}
