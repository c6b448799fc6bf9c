package dev.lazaret.proxy.quarantine;

import dev.lazaret.policy.content.ContentFacts;
import java.util.Collection;
import java.util.Map;

/**
 * What inspecting a package's tarballs found, as judging reads it. Inspections live a layer
 * above the quarantine (they fetch tarballs through the registry), so they are plugged in here.
 */
public interface InspectedContents {

  /** No inspections: nothing is ever inspected, so no version waits for one. */
  InspectedContents NONE = new InspectedContents() {
    @Override
    public Map<String, ContentFacts> inspected(String packageName, Collection<String> versions) {
      return Map.of();
    }

    @Override
    public void request(String packageName, String version) {
    }
  };

  /**
   * The content facts stored for those of {@code versions} of {@code packageName} that were
   * inspected, by version. Local and quick: read on every judgement with recent versions.
   */
  Map<String, ContentFacts> inspected(String packageName, Collection<String> versions);

  /** Asks for {@code packageName@version} to be inspected; nothing if it already waits. */
  void request(String packageName, String version);
}
