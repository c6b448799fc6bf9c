package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.VersionFacts;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The publisher was neither a maintainer nor the publisher of the previous version: the pattern
 * of a stolen token or a handed-over package.
 */
public final class MaintainerTakeover implements Signal {

  @Override
  public SignalId id() {
    return SignalId.MAINTAINER_TAKEOVER;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    if (c.previous().isEmpty()) {
      return SignalResult.quiet(id(), "first version", "This is the package's first version.");
    }
    VersionFacts previous = c.previous().get();
    Set<String> people = new LinkedHashSet<>(previous.maintainers());
    if (previous.publisher() != null) {
      people.add(previous.publisher());
    }
    String publisher = c.version().publisher();
    if (publisher == null || people.isEmpty()) {
      return SignalResult.quiet(id(), "unknown", "The packument does not say who published or"
          + " maintained the versions, so a change of hands cannot be seen.");
    }
    if (people.contains(publisher)) {
      return SignalResult.quiet(id(), "no", "'" + publisher + "' also published or maintained"
          + " the previous version (" + previous.version() + ").");
    }
    return SignalResult.fired(id(), "yes", "'" + publisher + "' neither published nor maintained"
        + " the previous version (" + previous.version() + "), which " + String.join(", ", people)
        + " did.", "who did not publish or maintain the previous version");
  }
}
