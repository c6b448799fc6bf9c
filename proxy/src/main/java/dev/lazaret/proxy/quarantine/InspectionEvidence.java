package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.VersionFacts;
import dev.lazaret.policy.content.ContentFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Supplies a judgement with what the tarball inspections found, and with the versions that must
 * not be served before they are inspected: versions seen as new (they have a hold record, in
 * any state) whose content facts are not stored on this node. Those are asked for again here,
 * which covers inspections lost to a restart, a full queue, a failed download, or made only on
 * another node (inspections are per node).
 *
 * <p>Only versions inside the risky cooldown are considered: no content signal can hold an
 * older one, and versions released before inspections existed must not be taken back. The hold
 * records are read only when a recent version has no content facts, so a package whose new
 * versions are inspected is judged without a state query.
 */
public final class InspectionEvidence {

  private final HoldLedger holds;
  private final Clock clock;
  private final Duration recentWindow;
  private volatile InspectedContents source = InspectedContents.NONE;
  private volatile Consumer<String> onChange = name -> { };

  /**
   * Evidence from the inspections of versions published within {@code recentWindow} (the risky
   * cooldown), awaiting those {@code holds} has records of.
   */
  public InspectionEvidence(HoldLedger holds, Clock clock, Duration recentWindow) {
    this.holds = holds;
    this.clock = clock;
    this.recentWindow = recentWindow;
  }

  /**
   * What the tarballs of a package's versions hold, and which versions wait for an inspection.
   *
   * @param contents content facts by version
   * @param awaiting versions that may not be served before they are inspected
   */
  public record Found(Map<String, ContentFacts> contents, Set<String> awaiting) {

    /** Copies the collections. */
    public Found {
      contents = Map.copyOf(contents);
      awaiting = Set.copyOf(awaiting);
    }

    static final Found NOTHING = new Found(Map.of(), Set.of());
  }

  /** Reads content facts from {@code source}, and asks it for missing inspections. */
  void use(InspectedContents source) {
    this.source = source;
  }

  /** Called with a package name whenever inspections stored new content facts for it. */
  void onChange(Consumer<String> listener) {
    this.onChange = listener;
  }

  /** Content facts of {@code packageName} were stored: it is judged again, with them. */
  void stored(String packageName) {
    onChange.accept(packageName);
  }

  /**
   * The content evidence for judging {@code facts} now; queues the inspection of every version
   * found awaiting one.
   *
   * @throws StateUnavailableException if the hold records were needed and could not be read
   */
  Found gather(PackageFacts facts) {
    InspectedContents contents = source;
    if (contents == InspectedContents.NONE) {
      return Found.NOTHING;
    }
    Instant since = clock.instant().minus(recentWindow);
    List<String> recent = new ArrayList<>();
    for (VersionFacts v : facts.versions()) {
      if (v.publishedAt() != null && v.publishedAt().isAfter(since)) {
        recent.add(v.version());
      }
    }
    if (recent.isEmpty()) {
      return Found.NOTHING;
    }
    Map<String, ContentFacts> inspected = contents.inspected(facts.name(), recent);
    if (inspected.size() == recent.size()) {
      return new Found(inspected, Set.of());
    }
    Set<String> seen = new LinkedHashSet<>();
    holds.forPackage(facts.name()).forEach(h -> seen.add(h.version()));
    Set<String> awaiting = new LinkedHashSet<>();
    for (String version : recent) {
      if (seen.contains(version) && !inspected.containsKey(version)) {
        awaiting.add(version);
        contents.request(facts.name(), version);
      }
    }
    return new Found(inspected, awaiting);
  }
}
