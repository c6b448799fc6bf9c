package dev.lazaret.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link HeaderTimeout}: a head must be complete within the timeout of the connection opening or
 * of its first byte; a quiet keep-alive connection is not its business. Time is the embedded
 * loop's, moved by hand.
 */
class HeaderTimeoutTest {

  private final ListenerStats stats = new ListenerStats();
  private final EmbeddedChannel channel = channel();

  private EmbeddedChannel channel() {
    HeaderTimeout timeout = new HeaderTimeout(Duration.ofSeconds(10), stats);
    return new EmbeddedChannel(timeout, new HttpServerCodec(), timeout.headWatch(),
        new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
          }
        });
  }

  private void send(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
  }

  private void advance(int seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }

  private String written() {
    StringBuilder out = new StringBuilder();
    for (Object o; (o = channel.readOutbound()) != null; ) {
      out.append(((ByteBuf) o).toString(StandardCharsets.ISO_8859_1));
      ReferenceCountUtil.release(o);
    }
    return out.toString();
  }

  @Test
  void aConnectionThatSendsNoCompleteHeadIsAnswered408AndClosed() {
    send("GET /left-pad HTTP/1.1\r\nHost: x\r\n");
    advance(9);
    assertThat(channel.isOpen()).isTrue();
    send("X-Drip: 1\r\n");
    advance(1);
    assertThat(channel.isOpen()).isFalse();
    assertThat(written()).startsWith("HTTP/1.1 408 Request Timeout\r\n")
        .endsWith("{\"error\":\"request head not received in time\"}");
    assertThat(stats.headerTimeouts()).isEqualTo(1);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aSilentNewConnectionIsClosedToo() {
    advance(10);
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void aCompleteHeadStopsTheClockAndAQuietKeepAliveConnectionStaysOpen() {
    send("GET /left-pad HTTP/1.1\r\nHost: x\r\n\r\n");
    advance(60);
    assertThat(channel.isOpen()).isTrue();
    assertThat(stats.headerTimeouts()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void theNextRequestsFirstByteStartsTheClockAgain() {
    send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
    advance(60);
    send("GET /b HTTP/1.1\r\n");
    advance(9);
    assertThat(channel.isOpen()).isTrue();
    advance(1);
    assertThat(channel.isOpen()).isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void aSlowBodyIsNotAHeadTimeout() {
    send("POST /audit HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");
    advance(30);
    assertThat(channel.isOpen()).isTrue();
    send("cd");
    advance(30);
    assertThat(channel.isOpen()).isTrue();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aTimeoutTooLongForNanosecondsIsSaturatedNotAFailureOfEveryConnection() {
    HeaderTimeout absurd = new HeaderTimeout(Duration.ofDays(1_000_000_000L), stats);
    EmbeddedChannel open = new EmbeddedChannel(absurd, new HttpServerCodec(), absurd.headWatch());
    assertThat(open.isOpen()).isTrue();
    open.advanceTimeBy(364, TimeUnit.DAYS);
    open.runScheduledPendingTasks();
    assertThat(open.isOpen()).isTrue();
    assertThat(open.finishAndReleaseAll()).isFalse();
  }
}
