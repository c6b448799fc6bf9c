package dev.lazaret.proxy.server;

import dev.lazaret.proxy.ops.RequestIds;
import dev.lazaret.proxy.registry.RegistryException;
import dev.lazaret.proxy.registry.TarballSource;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a tarball to one client on a virtual thread, keeping at most {@link #IN_FLIGHT} pieces
 * written but not yet taken by the socket: the next piece is read while the previous one is being
 * sent (awaiting every write left the socket idle during each read and cost a park per piece),
 * yet a slow client still holds at most that many pieces of memory, never the tarball. A source
 * that fails midway aborts the connection, so the client sees an incomplete response rather than
 * a complete wrong one.
 */
final class TarballStreamer {

  private static final Logger log = LoggerFactory.getLogger(TarballStreamer.class);

  /**
   * Pieces queued per response. Two is enough to overlap a read with a send; each is one stored
   * chunk (256 KiB by default), so 32 slow clients of a 20 MiB tarball hold 16 MiB, not 640.
   */
  static final int IN_FLIGHT = 2;
  private static final AsciiString OCTET_STREAM = AsciiString.cached("application/octet-stream");
  private static final AsciiString IMMUTABLE =
      AsciiString.cached("public, max-age=31536000, immutable");
  private static final AsciiString HIT = AsciiString.cached("hit");
  private static final AsciiString MISS = AsciiString.cached("miss");

  private final Responder responder;

  TarballStreamer(Responder responder) {
    this.responder = responder;
  }

  /** Streams {@code source}; blocks the calling (virtual) thread until done. */
  void stream(ChannelHandlerContext ctx, RequestInfo req, TarballSource source) {
    ByteBufAllocator alloc = ctx.alloc();
    OptionalLong length;
    ByteBuf first = null;
    try {
      length = source.awaitLength();
      // Wait for the first piece before committing to a 200: a download that fails before any
      // byte can go out (e.g. a one-chunk tarball failing verification) gets a proper error
      // response instead of a connection closed with no response at all.
      if (!req.isHead()) {
        first = source.next(0, alloc);
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
    ctx.write(head(req, source, length));
    if (req.isHead()) {
      responder.finish(req, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
      return;
    }
    long total = length.orElse(-1);
    long offset = 0;
    ArrayDeque<ChannelFuture> queued = new ArrayDeque<>(IN_FLIGHT);
    ByteBuf piece = first;
    try {
      while (piece != null) {
        offset += piece.readableBytes();
        // The piece that ends a tarball of known length carries the end of the response too:
        // one write and one flush fewer, and a one-chunk tarball goes out in a single syscall.
        boolean last = offset == total;
        HttpContent content = last ? new DefaultLastHttpContent(piece) : new DefaultHttpContent(piece);
        piece = null;
        ChannelFuture written = ctx.writeAndFlush(content);
        if (last) {
          responder.finish(req, written);
          return;
        }
        queued.add(written);
        if (queued.size() >= IN_FLIGHT && !awaitSent(queued.poll(), req, offset, ctx)) {
          return;
        }
        piece = source.next(offset, alloc);
      }
      responder.finish(req, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    } catch (TarballSource.TarballAbortedException e) {
      log.warn("aborting {} after {} bytes: {}", req.path(), offset, e.getMessage());
      abort(ctx, req);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(ctx, req);
    } catch (RuntimeException e) {
      log.error("streaming {} failed after {} bytes", req.path(), offset, e);
      abort(ctx, req);
    } finally {
      if (piece != null) {
        piece.release();
      }
    }
  }

  /** Sends a tarball held whole in memory ({@link TarballSource#whole}); never blocks. */
  void sendWhole(ChannelHandlerContext ctx, RequestInfo req, TarballSource source) {
    ByteBuf whole = source.whole();
    ctx.write(head(req, source, OptionalLong.of(whole.readableBytes())));
    if (req.isHead()) {
      whole.release();
      responder.finish(req, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    } else {
      responder.finish(req, ctx.writeAndFlush(new DefaultLastHttpContent(whole)));
    }
  }

  private static HttpResponse head(RequestInfo req, TarballSource source, OptionalLong length) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, OCTET_STREAM);
    head.headers().set(HttpHeaderNames.CACHE_CONTROL, IMMUTABLE);
    head.headers().set(RequestIds.HEADER, req.requestId());
    head.headers().set(Responder.CACHE_HEADER, source.fromStore() ? HIT : MISS);
    if (length.isPresent()) {
      HttpUtil.setContentLength(head, length.getAsLong());
    } else {
      HttpUtil.setTransferEncodingChunked(head, true);
    }
    Responder.keepAlive(head, req);
    return head;
  }

  /** Waits until an earlier piece was taken by the socket; false (connection aborted) if it failed. */
  private boolean awaitSent(ChannelFuture written, RequestInfo req, long offset,
      ChannelHandlerContext ctx) throws InterruptedException {
    written.await();
    if (written.isSuccess()) {
      return true;
    }
    log.debug("client went away after {} bytes of {}", offset, req.path());
    abort(ctx, req);
    return false;
  }

  /** Closes the connection mid-response: the client cannot mistake it for a complete tarball. */
  private void abort(ChannelHandlerContext ctx, RequestInfo req) {
    ChannelFuture closed = ctx.channel().close();
    responder.finish(req, closed);
  }
}
