package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;

/** Time since the version was published; fires while it is younger than the base cooldown. */
public final class ReleaseAge implements Signal {

  @Override
  public SignalId id() {
    return SignalId.RELEASE_AGE;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    if (c.age().isEmpty()) {
      return SignalResult.quiet(id(), "unknown",
          "The packument gives no publish time for this version, so no cooldown applies.");
    }
    Duration age = c.age().get();
    Duration cooldown = c.settings().baseCooldown();
    String ago = HumanDuration.format(age);
    String phrase = "published " + ago + " ago by " + c.publisherLabel();
    boolean young = age.compareTo(cooldown) < 0;
    String sentence = "Published " + ago + " ago by " + c.publisherLabel() + "; every new version"
        + " waits " + HumanDuration.format(cooldown) + (young ? "." : ", which has passed.");
    return new SignalResult(id(), young, ago, sentence, phrase);
  }
}
