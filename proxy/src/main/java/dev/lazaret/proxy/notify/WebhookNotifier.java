package dev.lazaret.proxy.notify;

import dev.lazaret.policy.AnalystDecision;
import dev.lazaret.proxy.config.Webhook;
import dev.lazaret.proxy.quarantine.HoldRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces new holds and analyst decisions to the configured webhooks. Wire it with
 * {@code holds.onNewHold(notifier::held)} and {@code decisions.onDecision(notifier::decided)}:
 * both return at once (the event is only queued; rendering and sending happen on each webhook's
 * own thread) and
 * never throw, because the caller is judging a version or recording a decision, and a
 * notification is best-effort next to the audit log.
 */
public final class WebhookNotifier implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

  private final List<Webhook> webhooks;
  private final List<WebhookSender> senders = new ArrayList<>();
  private final DeliveryPolicy policy;
  private final DeliveryCounts counts = new DeliveryCounts();
  private volatile boolean closed;

  /** A notifier for {@code webhooks} with {@link DeliveryPolicy#defaults()}. */
  public WebhookNotifier(List<Webhook> webhooks) {
    this(webhooks, DeliveryPolicy.defaults());
  }

  /** A notifier for {@code webhooks}; starts one sender thread per webhook. */
  public WebhookNotifier(List<Webhook> webhooks, DeliveryPolicy policy) {
    this.webhooks = List.copyOf(webhooks);
    this.policy = policy;
    for (int i = 0; i < this.webhooks.size(); i++) {
      senders.add(new WebhookSender(this.webhooks.get(i), policy, counts, i + 1));
    }
  }

  /** Announces a newly held version to the webhooks that want it. */
  public void held(HoldRecord hold) {
    publish(() -> NotificationPayloads.held(hold));
  }

  /** Announces an analyst decision to the webhooks that want decisions. */
  public void decided(AnalystDecision decision) {
    publish(() -> NotificationPayloads.decided(decision));
  }

  /** Events delivered (a 2xx answer). */
  public long sent() {
    return counts.sent.get();
  }

  /** Events given up on after their last attempt, or at once on a 4xx. */
  public long failed() {
    return counts.failed.get();
  }

  /** Events dropped unsent because their webhook's queue was full. */
  public long dropped() {
    return counts.dropped.get();
  }

  /** Attempts that failed and were tried again. */
  public long retried() {
    return counts.retried.get();
  }

  /**
   * Stops accepting events, lets queued ones go out for up to
   * {@link DeliveryPolicy#closeWait()} (no more retries), then stops every sender.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    senders.forEach(WebhookSender::beginClose);
    long deadline = System.nanoTime() + policy.closeWait().toNanos();
    try {
      for (WebhookSender sender : senders) {
        sender.awaitClose(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void publish(Supplier<Notification> event) {
    if (closed || senders.isEmpty()) {
      return;
    }
    try {
      Notification n = event.get();
      for (int i = 0; i < webhooks.size(); i++) {
        if (n.wantedBy(webhooks.get(i))) {
          senders.get(i).offer(n);
        }
      }
    } catch (RuntimeException e) {
      // Never let a notification problem fail the judgement or decision that caused it.
      log.warn("cannot queue a webhook notification: {}", e.toString());
    }
  }
}
