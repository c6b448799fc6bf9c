package dev.lazaret.proxy.server;

import dev.lazaret.proxy.config.ServerLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every listener puts between a client and its router: a connection cap, a header-read
 * timeout around the HTTP codec, responses in request order, and request bodies only where a
 * route takes one, within a per-route cap and a listener-wide budget. One per listener; its
 * {@link ListenerStats} count what was turned away.
 */
public final class ListenerGuard {

  private final ServerLimits limits;
  private final BodyPolicy bodies;
  private final RequestBodyBudget requestBodyBudget;
  private final ListenerStats stats;

  /**
   * A guard for one listener.
   *
   * @param bodyBudget bytes of request bodies the listener holds at once, over all connections
   */
  public ListenerGuard(ServerLimits limits, BodyPolicy bodies, long bodyBudget,
      ListenerStats stats) {
    this.limits = limits;
    this.bodies = bodies;
    this.requestBodyBudget = new RequestBodyBudget(bodyBudget);
    this.stats = stats;
  }

  /**
   * Counts {@code ch} as open, or closes it at once if the listener already has
   * {@code server.max-connections}; call first in the channel initializer.
   *
   * @return whether the connection was admitted (if not, add no handlers)
   */
  public boolean admit(Channel ch) {
    AtomicInteger open = stats.open();
    if (open.incrementAndGet() > limits.maxConnections()) {
      open.decrementAndGet();
      stats.refusedConnection();
      ch.close();
      return false;
    }
    ch.closeFuture().addListener(f -> open.decrementAndGet());
    return true;
  }

  /** Adds the HTTP codec with the header-read timeout around it. */
  public void addCodec(ChannelPipeline p) {
    HeaderTimeout timeout = new HeaderTimeout(limits.headerTimeout(), stats);
    p.addLast(timeout);
    p.addLast(new HttpServerCodec());
    p.addLast(timeout.headWatch());
  }

  /**
   * Adds request ordering and the body gate; the router after them receives one
   * {@code FullHttpRequest} at a time and must answer each (the next waits for it).
   */
  public void addRequestGate(ChannelPipeline p) {
    p.addLast(new PipelineOrder());
    p.addLast(new BodyGate(bodies, requestBodyBudget, stats, limits.headerTimeout()));
  }

  /** Bytes of request bodies held right now. */
  long bodyBytesHeld() {
    return requestBodyBudget.used();
  }
}
