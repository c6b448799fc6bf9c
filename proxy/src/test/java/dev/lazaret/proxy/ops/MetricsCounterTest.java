package dev.lazaret.proxy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counters kept elsewhere (the advisory lookups' failures) and read at scrape time. */
class MetricsCounterTest {

  @Test
  void aCallbackCounterHasOneSamplePerLabelTuple() {
    Metrics metrics = new Metrics();
    AtomicLong noService = new AtomicLong(3);
    metrics.counter("lazaret_advisory_lookup_failures", "failed lookups",
        List.of("upstream", "kind"), () -> Map.of(List.of("default", "no-service"),
            noService.get(), List.of("internal", "timeout"), 1L));
    noService.set(1109);

    MetricsText m = new MetricsText(metrics.scrape());
    assertThat(m.value("lazaret_advisory_lookup_failures_total", "upstream", "default", "kind",
        "no-service")).isEqualTo(1109);
    assertThat(m.value("lazaret_advisory_lookup_failures_total", "upstream", "internal", "kind",
        "timeout")).isEqualTo(1);
  }
}
