package dev.lazaret.proxy.notify;

import dev.lazaret.proxy.config.Webhook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to one webhook from its own bounded queue on its own virtual thread, so a slow or
 * dead receiver delays only its own events. Each event is tried up to
 * {@link DeliveryPolicy#maxAttempts()} times with exponential backoff; a 4xx other than 408 and
 * 429 means the receiver will never take it, so it is not retried.
 */
final class WebhookSender {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  /** How often an idle sender checks whether it is closing. */
  private static final long IDLE_POLL_MILLIS = 100;

  /** What one attempt came to. */
  private record Attempt(boolean sent, boolean retry, String problem, Duration retryAfter) {
  }

  private final Webhook webhook;
  private final DeliveryPolicy policy;
  private final DeliveryCounts counts;
  private final BlockingQueue<Notification> queue;
  private final HttpClient client;
  private final Thread thread;
  private volatile boolean closing;

  WebhookSender(Webhook webhook, DeliveryPolicy policy, DeliveryCounts counts, int index) {
    this.webhook = webhook;
    this.policy = policy;
    this.counts = counts;
    this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
    // HTTP/1.1: receivers are small web apps; an h2c upgrade attempt only adds a round trip.
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(webhook.timeout()).build();
    this.thread = Thread.ofVirtual().name("webhook-" + index).start(this::run);
  }

  /** Queues {@code n} without waiting; when the queue is full the oldest event gives way. */
  void offer(Notification n) {
    while (!queue.offer(n)) {
      Notification oldest = queue.poll();
      if (oldest != null) {
        long dropped = counts.dropped.incrementAndGet();
        // One line per burst, not one per event: a dead receiver must not flood the log either.
        if (dropped == 1 || dropped % 100 == 0) {
          log.warn("webhook {}: queue full ({} events), dropped {} ({} dropped so far; the audit"
              + " log has every decision)", webhook.describe(), policy.queueCapacity(),
              oldest.subject(), dropped);
        }
      }
    }
  }

  /** Starts closing: queued events still go out (without retries) until {@link #awaitClose}. */
  void beginClose() {
    closing = true;
  }

  /** Waits up to {@code wait} for the queue to drain, then interrupts and stops the client. */
  void awaitClose(Duration wait) throws InterruptedException {
    if (!thread.join(wait)) {
      thread.interrupt();
      thread.join(Duration.ofSeconds(1));
      if (!queue.isEmpty()) {
        log.warn("webhook {}: {} events not sent at shutdown", webhook.describe(), queue.size());
      }
    }
    client.shutdownNow();
  }

  private void run() {
    try {
      while (true) {
        Notification n = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (n != null) {
          deliver(n);
        } else if (closing) {
          return;
        }
      }
    } catch (InterruptedException e) {
      // close() ran out of patience: stop here.
    }
  }

  private void deliver(Notification n) throws InterruptedException {
    byte[] body;
    try {
      body = n.body().get();
    } catch (RuntimeException e) {
      counts.failed.incrementAndGet();
      log.warn("webhook {}: cannot render {}: {}", webhook.describe(), n.subject(), e.toString());
      return;
    }
    for (int attempt = 1; ; attempt++) {
      Attempt result = attempt(body);
      if (result.sent()) {
        counts.sent.incrementAndGet();
        return;
      }
      if (!result.retry() || attempt >= policy.maxAttempts() || closing) {
        counts.failed.incrementAndGet();
        log.warn("webhook {}: gave up on {} after {} attempt{}: {}", webhook.describe(),
            n.subject(), attempt, attempt == 1 ? "" : "s", result.problem());
        return;
      }
      counts.retried.incrementAndGet();
      Duration wait = policy.backoffAfter(attempt);
      if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
        wait = result.retryAfter().compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff()
            : result.retryAfter();
      }
      Thread.sleep(wait);
    }
  }

  private Attempt attempt(byte[] body) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(webhook.url())
        .timeout(webhook.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "lazaret-webhook")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Attempt(true, false, null, null);
      }
      boolean retry = status >= 500 || status == 408 || status == 429;
      return new Attempt(false, retry, "HTTP " + status, retryAfter(response));
    } catch (HttpTimeoutException e) {
      return new Attempt(false, true, "no answer within " + webhook.timeout().toMillis() + " ms",
          null);
    } catch (IOException e) {
      return new Attempt(false, true, e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
    }
  }

  /** A {@code Retry-After} in seconds, if the receiver sent one (an HTTP date is ignored). */
  private static Duration retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After")
        .filter(v -> v.strip().matches("\\d{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
        .orElse(null);
  }
}
