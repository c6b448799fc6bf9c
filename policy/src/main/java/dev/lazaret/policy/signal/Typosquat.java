package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.text.PopularNames;
import java.util.Objects;
import java.util.Optional;

/**
 * The package name is one edit (two for names of nine or more characters) away from a popular
 * package's name, and is not itself popular: {@code lodahs}, {@code crossenv}.
 */
public final class Typosquat implements Signal {

  /** Names at least this long may be two edits away; shorter ones one edit only. */
  private static final int TWO_EDITS_FROM_LENGTH = 9;

  private final PopularNames popular;

  private Typosquat(PopularNames popular) {
    this.popular = Objects.requireNonNull(popular, "popular");
  }

  /** The signal against the bundled list of popular names. */
  public static Typosquat bundled() {
    return new Typosquat(PopularNames.bundled());
  }

  /** The signal against a list of one's own. */
  public static Typosquat against(PopularNames popular) {
    return new Typosquat(popular);
  }

  @Override
  public SignalId id() {
    return SignalId.TYPOSQUAT;
  }

  @Override
  public boolean perPackage() {
    return true;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    String name = c.packageFacts().name();
    if (popular.contains(name)) {
      return SignalResult.quiet(id(), "popular", name + " is itself a popular package.");
    }
    if (name.length() < c.settings().typosquatMinLength()) {
      return SignalResult.quiet(id(), "too short", name + " is too short to compare with"
          + " popular names.");
    }
    int edits = name.length() >= TWO_EDITS_FROM_LENGTH ? 2 : 1;
    Optional<PopularNames.Match> match = popular.nearest(name, edits);
    if (match.isEmpty()) {
      return SignalResult.quiet(id(), "none", name + " is not close to a popular package name.");
    }
    PopularNames.Match m = match.get();
    String away = m.distance() == 1 ? "one edit" : m.distance() + " edits";
    return SignalResult.fired(id(), m.name(), name + " is " + away + " away from the popular"
        + " package " + m.name() + ".", "named " + away + " away from the popular " + m.name());
  }
}
