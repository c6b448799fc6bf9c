package dev.lazaret.proxy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.storage.CachedPackument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Generations follow content: a document read back from the store keeps the generation it was
 * stored with (so a packument too big for memory is not rendered again per request), and any
 * change of content gives a new one (so no rendering or verdict outlives its document).
 */
class GenerationsTest {

  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final Generations generations = new Generations();

  @Test
  void aDocumentReadBackFromTheStoreKeepsItsGeneration() {
    long stored = generations.fresh("pkg", doc("{\"v\":1}", "\"e1\""));

    assertThat(generations.loaded("pkg", doc("{\"v\":1}", "\"e1\""))).isEqualTo(stored);
    // A 304 moves only the fetch time: the same content, the same generation.
    assertThat(generations.loaded("pkg",
        doc("{\"v\":1}", "\"e1\"").revalidatedAt(T0.plusSeconds(600)))).isEqualTo(stored);
  }

  @Test
  void anyOtherContentGetsANewGeneration() {
    long stored = generations.fresh("pkg", doc("{\"v\":1}", "\"e1\""));

    long otherBytes = generations.loaded("pkg", doc("{\"v\":2}", "\"e1\""));
    long otherEtag = generations.loaded("pkg", doc("{\"v\":2}", "\"e2\""));

    assertThat(otherBytes).isNotEqualTo(stored);
    assertThat(otherEtag).isNotIn(stored, otherBytes);
    assertThat(generations.fresh("pkg", doc("{\"v\":2}", "\"e2\""))).isNotIn(stored, otherBytes,
        otherEtag);
  }

  @Test
  void packagesAreNumberedApart() {
    long a = generations.fresh("a", doc("{}", null));
    long b = generations.fresh("b", doc("{}", null));

    assertThat(a).isNotEqualTo(b);
    assertThat(generations.loaded("a", doc("{}", null))).isEqualTo(a);
    assertThat(generations.loaded("b", doc("{}", null))).isEqualTo(b);
  }

  private static CachedPackument doc(String json, String etag) {
    return new CachedPackument(json.getBytes(StandardCharsets.UTF_8), etag, null, T0, "default");
  }
}
