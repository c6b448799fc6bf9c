package dev.lazaret.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.testing.FakeUpstream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Upstream clients build their JDK client on the first request, not at start-up. */
class LazyHttpClientTest {

  @Test
  void buildsOnTheFirstCallOnlyAndOnce() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    try (LazyHttpClient lazy = new LazyHttpClient(() -> {
      builds.incrementAndGet();
      return HttpClient.newHttpClient();
    })) {
      assertThat(lazy.built()).isFalse();
      HttpClient first = lazy.get();
      assertThat(lazy.get()).isSameAs(first);
      assertThat(builds).hasValue(1);
      assertThat(lazy.built()).isTrue();
    }
  }

  @Test
  void closedBeforeAnyRequestBuildsNothingAndRefusesRequests() {
    AtomicInteger builds = new AtomicInteger();
    LazyHttpClient lazy = new LazyHttpClient(() -> {
      builds.incrementAndGet();
      return HttpClient.newHttpClient();
    });
    lazy.close();
    assertThatThrownBy(lazy::get).isInstanceOf(IOException.class).hasMessageContaining("closed");
    assertThat(builds).hasValue(0);
  }

  @Test
  void anUpstreamClientBuildsItsJdkClientOnItsFirstRequest() throws Exception {
    try (FakeUpstream fake = FakeUpstream.start()) {
      OriginBoundClient client = new OriginBoundClient(Duration.ofSeconds(2),
          AllowedOrigins.of("default", fake.url(), List.of(), "add it"));
      assertThat(client.clientBuilt()).isFalse();
      client.send(HttpRequest.newBuilder(fake.url().resolve("-/ping")).build(), "ping")
          .body().close();
      assertThat(client.clientBuilt()).isTrue();
      client.close();
    }
  }
}
