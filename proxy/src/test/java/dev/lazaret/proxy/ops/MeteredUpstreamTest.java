package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazaret.proxy.npm.PackageName;
import dev.lazaret.proxy.upstream.PackumentResponse;
import dev.lazaret.proxy.upstream.RelayResponse;
import dev.lazaret.proxy.upstream.TarballResponse;
import dev.lazaret.proxy.upstream.Upstream;
import dev.lazaret.proxy.upstream.UpstreamException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeteredUpstreamTest {

  /** Answers each call with the next scripted outcome: a value or an exception. */
  private static final class ScriptedUpstream implements Upstream {
    final Deque<Object> outcomes = new ArrayDeque<>();

    @Override
    public URI base() {
      return URI.create("https://bot:s3cret@registry.test:8443/npm/");
    }

    private Object next() throws UpstreamException {
      Object o = outcomes.poll();
      if (o instanceof UpstreamException e) {
        throw e;
      }
      return o;
    }

    @Override
    public PackumentResponse packument(PackageName name, String etag, String lastModified)
        throws UpstreamException {
      return (PackumentResponse) next();
    }

    @Override
    public TarballResponse tarball(String url) throws UpstreamException {
      return (TarballResponse) next();
    }

    @Override
    public RelayResponse relay(String method, String pathAndQuery, Map<String, String> headers,
        byte[] body) throws UpstreamException {
      return (RelayResponse) next();
    }

    @Override
    public void close() {}
  }

  private final Metrics metrics = new Metrics();
  private final ScriptedUpstream scripted = new ScriptedUpstream();
  private final UpstreamHealth health = new UpstreamHealth("registry.test:8443", System::nanoTime);
  private final MeteredUpstream upstream =
      new MeteredUpstream(scripted, new UpstreamMetrics(metrics), health);
  private final PackageName name = PackageName.parse("left-pad");

  @Test
  void answersMakeTheUpstreamReachableAndAreTimed() throws Exception {
    scripted.outcomes.add(new PackumentResponse.NotFound());
    assertThat(upstream.packument(name, null, null)).isInstanceOf(PackumentResponse.NotFound.class);
    assertThat(health.state()).isEqualTo(UpstreamHealth.State.REACHABLE);
    MetricsText m = new MetricsText(metrics.scrape());
    assertThat(m.value("lazaret_upstream_request_duration_seconds_count",
        "upstream", "registry.test:8443", "operation", "packument")).isEqualTo(1);
  }

  @Test
  void outagesAreCountedByKindAndMakeTheUpstreamUnreachable() {
    scripted.outcomes.add(new UpstreamException(UpstreamException.Kind.TIMEOUT, "too slow"));
    assertThatThrownBy(() -> upstream.packument(name, null, null))
        .isInstanceOf(UpstreamException.class);
    assertThat(health.state()).isEqualTo(UpstreamHealth.State.UNREACHABLE);
    assertThat(health.problem()).isEqualTo("too slow");
    MetricsText m = new MetricsText(metrics.scrape());
    assertThat(m.value("lazaret_upstream_errors_total", "operation", "packument", "kind", "timeout"))
        .isEqualTo(1);
    assertThat(m.value("lazaret_upstream_request_duration_seconds_count",
        "operation", "packument")).isEqualTo(1);
  }

  @Test
  void aClientErrorIsAnAnswerNotAnOutage() {
    scripted.outcomes.add(new UpstreamException(403, "forbidden"));
    assertThatThrownBy(() -> upstream.tarball("https://registry.test/x.tgz"))
        .isInstanceOf(UpstreamException.class);
    assertThat(health.state()).isEqualTo(UpstreamHealth.State.REACHABLE);
    assertThat(new MetricsText(metrics.scrape()).value("lazaret_upstream_errors_total",
        "operation", "tarball", "kind", "bad_status")).isEqualTo(1);
  }

  @Test
  void aRelayedServerErrorIsAnOutage() throws Exception {
    scripted.outcomes.add(new RelayResponse(503, Map.of(), new byte[0]));
    assertThat(upstream.relay("GET", "-/v1/search?text=x", Map.of(), null).status()).isEqualTo(503);
    assertThat(health.state()).isEqualTo(UpstreamHealth.State.UNREACHABLE);
  }

  @Test
  void pingRecordsTheOutcomeAndNeverThrows() {
    scripted.outcomes.add(new UpstreamException(UpstreamException.Kind.UNREACHABLE, "refused"));
    upstream.ping();
    assertThat(health.state()).isEqualTo(UpstreamHealth.State.UNREACHABLE);
    scripted.outcomes.add(new RelayResponse(200, Map.of(), "{}".getBytes()));
    upstream.ping();
    assertThat(health.state()).isEqualTo(UpstreamHealth.State.REACHABLE);
    assertThat(new MetricsText(metrics.scrape()).value(
        "lazaret_upstream_request_duration_seconds_count", "operation", "ping")).isEqualTo(2);
  }

  @Test
  void theUpstreamLabelNeverCarriesCredentials() {
    assertThat(new String(metrics.scrape())).doesNotContain("s3cret").doesNotContain("bot");
    assertThat(UpstreamMetrics.label(URI.create("https://registry.test/"))).isEqualTo("registry.test");
  }
}
