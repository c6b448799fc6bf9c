package dev.lazaret.proxy.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Pings an upstream's {@code /-/ping} when no call has told how it is for a while, or while it
 * is down (to notice it coming back). Busy instances never ping: their traffic tells.
 */
public final class UpstreamPinger {

  /** A reachable upstream not called for this long is pinged. */
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final List<MeteredUpstream> upstreams = new CopyOnWriteArrayList<>();

  /** Pings {@code upstream} when due from now on. */
  public void watch(MeteredUpstream upstream) {
    upstreams.add(upstream);
  }

  /** Pings every upstream that is due; blocks for the pings. */
  public void pingDue() {
    for (MeteredUpstream upstream : upstreams) {
      UpstreamHealth health = upstream.health();
      boolean down = health.state() == UpstreamHealth.State.UNREACHABLE;
      if (down || health.idleNanos() >= IDLE_NANOS) {
        upstream.ping();
      }
    }
  }
}
