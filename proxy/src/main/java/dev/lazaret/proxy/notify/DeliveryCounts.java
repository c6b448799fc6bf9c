package dev.lazaret.proxy.notify;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of what became of notifications, across every webhook: for metrics. */
final class DeliveryCounts {

  final AtomicLong sent = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong retried = new AtomicLong();
}
