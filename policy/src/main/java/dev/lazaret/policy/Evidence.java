package dev.lazaret.policy;

import dev.lazaret.policy.content.ContentFacts;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the proxy learned about a package outside its packument: publisher evidence, the
 * advisory lookup and what its tarballs hold. Supplied per judgement; the policy itself looks
 * nothing up.
 *
 * @param publishers         evidence by account name; accounts missing here are unknown
 * @param advisories         the malware advisory lookup result
 * @param contents           what inspecting each version's tarball found, by version
 * @param awaitingInspection versions whose tarball must be inspected before they may be served
 *                           (new versions the inspection has not finished yet)
 */
public record Evidence(Map<String, PublisherEvidence> publishers, Advisories advisories,
    Map<String, ContentFacts> contents, Set<String> awaitingInspection) {

  /** Copies the collections. */
  public Evidence {
    publishers = Map.copyOf(publishers);
    Objects.requireNonNull(advisories, "advisories");
    contents = Map.copyOf(contents);
    awaitingInspection = Set.copyOf(awaitingInspection);
  }

  /** Publisher evidence and advisories, nothing known of the tarballs. */
  public Evidence(Map<String, PublisherEvidence> publishers, Advisories advisories) {
    this(publishers, advisories, Map.of(), Set.of());
  }

  /** This evidence with what the tarballs hold. */
  public Evidence withContents(Map<String, ContentFacts> contents,
      Set<String> awaitingInspection) {
    return new Evidence(publishers, advisories, contents, awaitingInspection);
  }

  /** What inspecting {@code version}'s tarball found, if it was inspected. */
  public Optional<ContentFacts> content(String version) {
    return Optional.ofNullable(contents.get(version));
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
