package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.it.MutableClock;
import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import dev.lazaret.proxy.upstream.UpstreamException.Kind;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the breaker lets through to the upstream, and what callers see while it is open. */
class BreakerUpstreamTest {

  private static final PackageName NAME = PackageName.parse("left-pad");

  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private final UpstreamBreaker breaker = new UpstreamBreaker("127.0.0.1:1", clock);
  private final ScriptedUpstream upstream = new ScriptedUpstream();
  private final BreakerUpstream guarded = new BreakerUpstream(upstream, breaker);

  @Test
  void whileOpenCallsFailAtOnceWithoutReachingTheUpstream() {
    upstream.next(new UpstreamException(Kind.TIMEOUT, "no answer within 30 s"));
    assertThatThrownBy(() -> guarded.packument(NAME, null, null))
        .isInstanceOf(UpstreamException.class);
    assertThat(upstream.calls).isEqualTo(1);

    assertThatThrownBy(() -> guarded.packument(NAME, null, null))
        .isInstanceOfSatisfying(UpstreamException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
          assertThat(e.getMessage()).contains("127.0.0.1:1").contains("no answer within 30 s");
        });
    assertThatThrownBy(() -> guarded.tarball("http://127.0.0.1:1/left-pad/-/left-pad-1.0.0.tgz"))
        .isInstanceOf(UpstreamException.class);
    assertThat(upstream.calls).isEqualTo(1);
  }

  @Test
  void aBreakerOpenedByRefusedConnectionsFailsAsUnreachable() throws Exception {
    for (int i = 0; i < UpstreamBreaker.FAILURES_TO_OPEN; i++) {
      upstream.next(new UpstreamException(Kind.UNREACHABLE, "connection refused"));
      assertThatThrownBy(() -> guarded.packument(NAME, null, null));
    }
    assertThatThrownBy(() -> guarded.packument(NAME, null, null))
        .isInstanceOfSatisfying(UpstreamException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
    assertThat(upstream.calls).isEqualTo(UpstreamBreaker.FAILURES_TO_OPEN);
  }

  @Test
  void notFoundAndBadBodiesAreAnswersNotOutages() {
    for (int i = 0; i < 5; i++) {
      upstream.next(new UpstreamException(404, "not found"));
      assertThatThrownBy(() -> guarded.tarball("http://127.0.0.1:1/x.tgz"));
      upstream.next(new UpstreamException(Kind.BAD_BODY, "not JSON"));
      assertThatThrownBy(() -> guarded.packument(NAME, null, null));
    }
    assertThat(breaker.isOpen()).isFalse();
    assertThat(upstream.calls).isEqualTo(10);
  }

  @Test
  void theTrialAfterTheRetryTimeClosesTheBreakerWhenItSucceeds() throws Exception {
    upstream.next(new UpstreamException(Kind.TIMEOUT, "no answer"));
    assertThatThrownBy(() -> guarded.packument(NAME, null, null));
    clock.advance(UpstreamBreaker.RETRY_AFTER);

    upstream.next(new PackumentResponse.NotFound());
    assertThat(guarded.packument(NAME, null, null)).isInstanceOf(PackumentResponse.NotFound.class);
    assertThat(breaker.isOpen()).isFalse();
    assertThat(upstream.calls).isEqualTo(2);
  }

  @Test
  void anUnexpectedErrorReleasesTheTrial() {
    upstream.next(new UpstreamException(Kind.TIMEOUT, "no answer"));
    assertThatThrownBy(() -> guarded.packument(NAME, null, null));
    clock.advance(UpstreamBreaker.RETRY_AFTER);

    upstream.next(new IllegalStateException("bug"));
    assertThatThrownBy(() -> guarded.packument(NAME, null, null))
        .isInstanceOf(IllegalStateException.class);
    // Not stuck half-open waiting for a trial that will never report.
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aRelayTimeoutDoesNotOpenTheBreaker() throws Exception {
    upstream.next(new UpstreamException(Kind.TIMEOUT, "no answer within 30 s"));
    assertThatThrownBy(() -> guarded.relay("GET", "/-/v1/search?text=x", Map.of(), null))
        .isInstanceOf(UpstreamException.class);
    assertThat(breaker.isOpen()).isFalse();

    upstream.next(new PackumentResponse.NotFound());
    assertThat(guarded.packument(NAME, null, null)).isInstanceOf(PackumentResponse.NotFound.class);
    assertThat(upstream.calls).isEqualTo(2);
  }

  @Test
  void relaysAreNotRefusedByAnOpenBreaker() {
    upstream.next(new UpstreamException(Kind.TIMEOUT, "no answer within 30 s"));
    assertThatThrownBy(() -> guarded.packument(NAME, null, null));
    assertThat(breaker.isOpen()).isTrue();

    upstream.next(new UpstreamException(503, "search is down"));
    assertThatThrownBy(() -> guarded.relay("POST", "/-/npm/v1/security/advisories/bulk", Map.of(),
        new byte[0]))
        .isInstanceOfSatisfying(UpstreamException.class,
            e -> assertThat(e).isNotInstanceOf(BreakerUpstream.Refused.class));
    assertThat(upstream.calls).isEqualTo(2);
  }

  /** Answers each call with the next scripted outcome, counting calls. */
  private static final class ScriptedUpstream implements Upstream {
    private final Deque<Object> outcomes = new ArrayDeque<>();
    int calls;

    void next(Object outcome) {
      outcomes.add(outcome);
    }

    private Object answer() throws UpstreamException {
      calls++;
      Object o = outcomes.removeFirst();
      if (o instanceof UpstreamException e) {
        throw e;
      }
      if (o instanceof RuntimeException e) {
        throw e;
      }
      return o;
    }

    @Override
    public URI base() {
      return URI.create("http://127.0.0.1:1/");
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified)
        throws UpstreamException {
      return (PackumentResponse) answer();
    }

    @Override
    public TarballResponse tarball(String url) throws UpstreamException {
      return (TarballResponse) answer();
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) throws UpstreamException {
      return (RelayResponse) answer();
    }

    @Override
    public void close() {
    }
  }
}
