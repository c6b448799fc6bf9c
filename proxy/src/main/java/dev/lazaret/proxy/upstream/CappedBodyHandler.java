package dev.lazaret.proxy.upstream;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@link HttpResponse.BodyHandlers#ofByteArray()} with a cap: past {@code cap} bytes (or an
 * announced Content-Length past it) the exchange is cancelled and the body fails with
 * {@link TooLarge}, for asynchronous exchanges that cannot use a blocking {@link BodyReader}.
 */
final class CappedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

  /** The body was larger than the cap. */
  static final class TooLarge extends IOException {
    TooLarge(long cap) {
      super("answer larger than " + BodyLimits.describe(cap));
    }
  }

  private final long cap;

  CappedBodyHandler(long cap) {
    this.cap = cap;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Subscriber(announced > cap);
  }

  private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<byte[]> parts = new ArrayList<>();
    private final boolean refuse;
    private Flow.Subscription subscription;
    private long total;

    Subscriber(boolean refuse) {
      this.refuse = refuse;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (refuse) {
        s.cancel();
        result.completeExceptionally(new TooLarge(cap));
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        total += b.remaining();
        if (total > cap) {
          subscription.cancel();
          parts.clear();
          result.completeExceptionally(new TooLarge(cap));
          return;
        }
        byte[] part = new byte[b.remaining()];
        b.get(part);
        parts.add(part);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      byte[] whole = new byte[(int) total];
      int at = 0;
      for (byte[] p : parts) {
        System.arraycopy(p, 0, whole, at, p.length);
        at += p.length;
      }
      parts.clear();
      result.complete(whole);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
