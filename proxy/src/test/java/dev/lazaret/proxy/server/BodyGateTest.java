package dev.lazaret.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link BodyGate}: bodies only where a route takes one, capped, within a shared budget. */
class BodyGateTest {

  private static final long CAP = 1024;
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
  private final ListenerStats stats = new ListenerStats();
  private final RequestBodyBudget requestBodyBudget = new RequestBodyBudget(1500);
  private final EmbeddedChannel channel = channel();

  private EmbeddedChannel channel() {
    BodyPolicy onlyPostsToAudit = head -> head.method().equals(HttpMethod.POST)
        && head.uri().equals("/audit") ? CAP : 0;
    return new EmbeddedChannel(new BodyGate(onlyPostsToAudit, requestBodyBudget, stats,
        BODY_TIMEOUT));
  }

  private static HttpRequest head(HttpMethod method, String uri, long length) {
    HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
    if (length >= 0) {
      HttpUtil.setContentLength(r, length);
    } else {
      HttpUtil.setTransferEncodingChunked(r, true);
    }
    return r;
  }

  private static HttpContent part(int bytes) {
    return new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[bytes]));
  }

  private FullHttpResponse response() {
    Object o = channel.readOutbound();
    assertThat(o).isInstanceOf(FullHttpResponse.class);
    return (FullHttpResponse) o;
  }

  private static String text(FullHttpResponse r) {
    String s = r.content().toString(StandardCharsets.UTF_8);
    r.release();
    return s;
  }

  @Test
  void aRouteWithoutABodyGetsTheHeadAtOnceAndTheBodyIsDroppedUnread() {
    HttpContent body = part(100);
    channel.writeInbound(head(HttpMethod.GET, "/left-pad", 100));
    FullHttpRequest passed = channel.readInbound();
    assertThat(passed.uri()).isEqualTo("/left-pad");
    assertThat(passed.content().readableBytes()).isZero();
    passed.release();
    channel.writeInbound(body, LastHttpContent.EMPTY_LAST_CONTENT);
    assertThat(body.refCnt()).isZero();
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(requestBodyBudget.used()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aBodyWithinTheCapArrivesWholeAndHoldsTheBudgetUntilTheAnswerIsWritten() {
    channel.writeInbound(head(HttpMethod.POST, "/audit", 600), part(500),
        new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[100])));
    FullHttpRequest passed = channel.readInbound();
    assertThat(passed.content().readableBytes()).isEqualTo(600);
    passed.release();
    assertThat(requestBodyBudget.used()).isEqualTo(600);
    channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
    assertThat(requestBodyBudget.used()).isZero();
    assertThat(channel.finishAndReleaseAll()).isTrue();
  }

  @Test
  void aDeclaredLengthOverTheCapIsRefusedBeforeAnyByteIsRead() {
    channel.writeInbound(head(HttpMethod.POST, "/audit", 30L << 20));
    FullHttpResponse r = response();
    assertThat(r.status()).isEqualTo(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    assertThat(r.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    assertThat(text(r)).isEqualTo(
        "{\"error\":\"request body too large: this endpoint takes at most 1 KiB\"}");
    assertThat(channel.isOpen()).isFalse();
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(stats.bodiesTooLarge()).isEqualTo(1);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aModeratelyOversizedBodyIsDrainedBeforeIts413SoTheClientCanReadIt() {
    // Regression: a 70 KB body to a 64 KiB endpoint was refused at its head and the connection
    // closed with the body unread; the kernel then reset the connection and the client, still
    // sending, sometimes never saw the 413 ("header parser received no bytes").
    HttpContent first = part(1000);
    HttpContent rest = new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[1000]));
    channel.writeInbound(head(HttpMethod.POST, "/audit", 2000), first);
    assertThat((Object) channel.readOutbound()).as("no answer before the body is in").isNull();
    assertThat(channel.isOpen()).isTrue();
    assertThat(first.refCnt()).isZero();
    assertThat(requestBodyBudget.used()).as("a drained body is never counted").isZero();

    channel.writeInbound(rest);

    assertThat(rest.refCnt()).isZero();
    FullHttpResponse r = response();
    assertThat(r.status()).isEqualTo(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    assertThat(text(r)).contains("at most 1 KiB");
    assertThat(channel.isOpen()).isFalse();
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aDrainedBodyTooSlowIsStill408() {
    channel.writeInbound(head(HttpMethod.POST, "/audit", 2000), part(10));
    advance((int) BODY_TIMEOUT.toSeconds() + 1);
    assertThat(response().status()).isEqualTo(HttpResponseStatus.REQUEST_TIMEOUT);
    assertThat(channel.isOpen()).isFalse();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aChunkedBodyIsRefusedWhenItsRunningTotalPassesTheCap() {
    HttpContent first = part(1000);
    HttpContent second = part(100);
    channel.writeInbound(head(HttpMethod.POST, "/audit", -1), first);
    assertThat(channel.isOpen()).isTrue();
    channel.writeInbound(second);
    assertThat(second.refCnt()).isZero();
    assertThat(first.refCnt()).isZero();
    assertThat(response().status()).isEqualTo(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    assertThat(channel.isOpen()).isFalse();
    assertThat(requestBodyBudget.used()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void bodiesPastTheSharedBudgetAre503() {
    EmbeddedChannel other = channel();
    other.writeInbound(head(HttpMethod.POST, "/audit", 1000), part(1000));
    assertThat(requestBodyBudget.used()).isEqualTo(1000);

    HttpContent part = part(600);
    channel.writeInbound(head(HttpMethod.POST, "/audit", 600), part);
    FullHttpResponse r = response();
    assertThat(r.status()).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
    assertThat(text(r)).contains("too many request bodies");
    assertThat(part.refCnt()).isZero();
    assertThat(stats.bodiesOverBudget()).isEqualTo(1);

    other.close();
    assertThat(requestBodyBudget.used()).isZero();
    assertThat(other.finishAndReleaseAll()).isFalse();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void expectContinueIsAnsweredBeforeTheBodyIsRead() {
    HttpRequest head = head(HttpMethod.POST, "/audit", 10);
    head.headers().set(HttpHeaderNames.EXPECT, "100-continue");
    channel.writeInbound(head);
    FullHttpResponse r = response();
    assertThat(r.status()).isEqualTo(HttpResponseStatus.CONTINUE);
    r.release();
    ByteBuf ten = Unpooled.wrappedBuffer(new byte[10]);
    channel.writeInbound(new DefaultLastHttpContent(ten));
    FullHttpRequest passed = channel.readInbound();
    assertThat(passed.content().readableBytes()).isEqualTo(10);
    passed.release();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  private void advance(int seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }

  @Test
  void aBodyDrippedSlowerThanTheBodyTimeoutIs408AndGivesItsBudgetBack() {
    // Each byte resets the idle timeout; the body timeout counts from the head regardless.
    channel.writeInbound(head(HttpMethod.POST, "/audit", 1000));
    for (int second = 0; second < 9; second++) {
      channel.writeInbound(part(10));
      advance(1);
    }
    assertThat(channel.isOpen()).isTrue();
    assertThat(requestBodyBudget.used()).isEqualTo(90);
    advance(1);
    FullHttpResponse r = response();
    assertThat(r.status()).isEqualTo(HttpResponseStatus.REQUEST_TIMEOUT);
    assertThat(r.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
    assertThat(text(r)).isEqualTo("{\"error\":\"request body not received in time\"}");
    assertThat(channel.isOpen()).isFalse();
    assertThat(requestBodyBudget.used()).isZero();
    assertThat(stats.bodyTimeouts()).isEqualTo(1);
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aBodyCompleteInTimeStopsTheBodyClock() {
    channel.writeInbound(head(HttpMethod.POST, "/audit", 10), part(5));
    advance(9);
    channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[5])));
    FullHttpRequest passed = channel.readInbound();
    passed.release();
    advance(60);
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(channel.isOpen()).isTrue();
    assertThat(stats.bodyTimeouts()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
