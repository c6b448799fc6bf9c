package dev.lazaret.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the proxy learned about a package outside its packument: publisher evidence and the
 * advisory lookup. Supplied per judgement; the policy itself looks nothing up.
 *
 * @param publishers evidence by account name; accounts missing here are unknown
 * @param advisories the malware advisory lookup result
 */
public record Evidence(Map<String, PublisherEvidence> publishers, Advisories advisories) {

  /** Copies the publishers. */
  public Evidence {
    publishers = Map.copyOf(publishers);
    Objects.requireNonNull(advisories, "advisories");
  }

  /** No publisher evidence, and no advisory lookup. */
  public static Evidence none() {
    return new Evidence(Map.of(), Advisories.skipped("no advisory lookup was made"));
  }

  /** The given advisory result and publisher evidence. */
  public static Evidence of(Advisories advisories, PublisherEvidence... publishers) {
    return new Evidence(Arrays.stream(publishers)
        .collect(Collectors.toMap(PublisherEvidence::name, Function.identity())), advisories);
  }

  /** The evidence about {@code publisher}, or {@link PublisherEvidence#unknown}. */
  public PublisherEvidence publisher(String publisher) {
    PublisherEvidence e = publisher == null ? null : publishers.get(publisher);
    return e != null ? e : PublisherEvidence.unknown(publisher == null ? "" : publisher);
  }
}
