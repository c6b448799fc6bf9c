package dev.lazaret.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PipelineOrder}: one request at a time, the next only once the previous is answered. */
class PipelineOrderTest {

  /** A router that only records what it is handed; the test answers. */
  private static class Recorder extends ChannelInboundHandlerAdapter {
    final List<String> seen = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest r) {
        seen.add(r.uri());
      } else if (msg instanceof HttpContent c && c.content().isReadable()) {
        seen.add("body:" + c.content().toString(StandardCharsets.UTF_8));
      }
      ReferenceCountUtil.release(msg);
    }
  }

  private final Recorder router = new Recorder();
  private final EmbeddedChannel channel = new EmbeddedChannel(new PipelineOrder(), router);

  private static HttpRequest get(String uri) {
    return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
  }

  private void request(String uri) {
    channel.writeInbound(get(uri), LastHttpContent.EMPTY_LAST_CONTENT);
  }

  private void answer(String body) {
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.OK, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    channel.writeOneOutbound(resp);
    channel.flushOutbound();
  }

  private List<String> written() {
    List<String> out = new ArrayList<>();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      if (o instanceof FullHttpResponse r) {
        out.add(r.content().toString(StandardCharsets.UTF_8));
      }
      ReferenceCountUtil.release(o);
    }
    return out;
  }

  @Test
  void aRequestDecodedWhileAnotherIsAnsweredWaitsForThatAnswer() {
    request("/slow");
    request("/ping");
    request("/left-pad");
    assertThat(router.seen).containsExactly("/slow");

    answer("slow");
    assertThat(router.seen).containsExactly("/slow", "/ping");
    answer("ping");
    answer("left-pad");
    assertThat(router.seen).containsExactly("/slow", "/ping", "/left-pad");
    assertThat(written()).containsExactly("slow", "ping", "left-pad");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void readingStopsWhileACompleteRequestWaitsForItsAnswerAndResumesAfter() {
    assertThat(channel.config().isAutoRead()).isTrue();
    channel.writeInbound(get("/with-body"));
    // The body is still coming: keep reading it.
    assertThat(channel.config().isAutoRead()).isTrue();
    channel.writeInbound(new DefaultHttpContent(Unpooled.copiedBuffer("ab", StandardCharsets.UTF_8)),
        LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat(channel.config().isAutoRead()).isFalse();
    answer("done");
    assertThat(channel.config().isAutoRead()).isTrue();
    assertThat(router.seen).containsExactly("/with-body", "body:ab");
    assertThat(channel.finishAndReleaseAll()).isTrue(); // the written answer
  }

  @Test
  void anInterimContinueIsNotTheAnswer() {
    request("/audit");
    request("/ping");
    channel.writeOneOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.CONTINUE));
    channel.flushOutbound();
    assertThat(router.seen).containsExactly("/audit");
    answer("audit");
    assertThat(router.seen).containsExactly("/audit", "/ping");
    channel.finishAndReleaseAll();
  }

  @Test
  void aStreamedAnswerReleasesTheNextRequestOnlyAtItsLastPart() {
    request("/tarball");
    request("/ping");
    channel.writeOneOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
    channel.writeOneOutbound(new DefaultHttpContent(Unpooled.copiedBuffer("x",
        StandardCharsets.UTF_8)));
    channel.flushOutbound();
    assertThat(router.seen).containsExactly("/tarball");
    channel.writeOneOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
    channel.flushOutbound();
    assertThat(router.seen).containsExactly("/tarball", "/ping");
    channel.finishAndReleaseAll();
  }

  @Test
  void waitingRequestsAndTheirBodiesAreReleasedWhenTheConnectionCloses() {
    request("/slow");
    DefaultHttpContent body = new DefaultHttpContent(Unpooled.copiedBuffer("held",
        StandardCharsets.UTF_8));
    channel.writeInbound(get("/next"), body, LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat(body.refCnt()).isEqualTo(1);
    channel.close();
    assertThat(body.refCnt()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aPipelineDeeperThanTheLimitClosesTheConnection() {
    request("/slow");
    for (int i = 0; i < PipelineOrder.MAX_WAITING_REQUESTS; i++) {
      request("/p" + i);
    }
    assertThat(channel.isOpen()).isTrue();
    request("/one-too-many");
    assertThat(channel.isOpen()).isFalse();
    assertThat(router.seen).containsExactly("/slow");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aConnectionCloseRequestEndsThePipelineAndWhatWaitsIsDropped() {
    HttpRequest last = get("/one");
    last.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    channel.writeInbound(last, LastHttpContent.EMPTY_LAST_CONTENT);
    DefaultHttpContent body = new DefaultHttpContent(Unpooled.copiedBuffer("held",
        StandardCharsets.UTF_8));
    channel.writeInbound(get("/two"), body, LastHttpContent.EMPTY_LAST_CONTENT);

    answer("one");
    assertThat(router.seen).containsExactly("/one");
    assertThat(body.refCnt()).isZero();
    assertThat(channel.config().isAutoRead()).isFalse();
    request("/decoded-after");
    assertThat(router.seen).containsExactly("/one");
    assertThat(written()).containsExactly("one");
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void anHttp10RequestWithoutKeepAliveEndsThePipeline() {
    channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/one"),
        LastHttpContent.EMPTY_LAST_CONTENT);
    request("/two");
    answer("one");
    assertThat(router.seen).containsExactly("/one");
    channel.finishAndReleaseAll();
  }

  @Test
  void aResponseThatClosesTheConnectionEndsThePipeline() {
    // As BodyGate's 413 and 503 refusals answer.
    request("/audit");
    request("/two");
    FullHttpResponse refusal = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    channel.writeOneOutbound(refusal);
    channel.flushOutbound();
    assertThat(router.seen).containsExactly("/audit");
    channel.finishAndReleaseAll();
  }

  @Test
  void withTheRealCodecAndKeepAliveARequestPipelinedBehindAConnectionCloseIsNeverRouted() {
    Recorder routed = new Recorder() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        super.channelRead(ctx, msg);
        if (msg instanceof LastHttpContent) {
          FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
              HttpResponseStatus.OK);
          HttpUtil.setContentLength(resp, 0);
          ctx.writeAndFlush(resp);
        }
      }
    };
    EmbeddedChannel real = new EmbeddedChannel(new HttpServerCodec(),
        new HttpServerKeepAliveHandler(), new PipelineOrder(), routed);
    real.writeInbound(Unpooled.copiedBuffer("GET /one HTTP/1.1\r\nHost: x\r\n"
        + "Connection: close\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n",
        StandardCharsets.ISO_8859_1));
    assertThat(routed.seen).containsExactly("/one");
    assertThat(real.isOpen()).isFalse();
    real.finishAndReleaseAll();
  }
}
