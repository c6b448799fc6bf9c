package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.text.MachineNameScorer;
import java.util.Locale;
import java.util.Objects;

/**
 * The publisher's name looks machine-generated ({@code 5t7crz72}) <em>and</em> the account's
 * history is weak. Odd-looking names of established maintainers ({@code tj}, {@code ljharb})
 * score high too, which is why the name alone never fires this signal.
 */
public final class MachineName implements Signal {

  private final MachineNameScorer scorer;

  private MachineName(MachineNameScorer scorer) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
  }

  /** The signal with the bundled scorer. */
  public static MachineName bundled() {
    return new MachineName(MachineNameScorer.bundled());
  }

  /** The signal with a scorer of one's own. */
  public static MachineName using(MachineNameScorer scorer) {
    return new MachineName(scorer);
  }

  @Override
  public SignalId id() {
    return SignalId.MACHINE_NAME;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    String name = c.version().publisher();
    if (name == null) {
      return SignalResult.quiet(id(), "unknown", "The packument does not name the publisher.");
    }
    double score = scorer.score(name);
    double threshold = c.settings().machineNameThreshold();
    String value = String.format(Locale.ROOT, "%.2f", score);
    String measured = "The name '" + name + "' scores " + value + " for looking machine-generated"
        + String.format(Locale.ROOT, " (threshold %.2f)", threshold);
    if (score < threshold) {
      return SignalResult.quiet(id(), value, measured + ".");
    }
    if (!c.standing().weak()) {
      return SignalResult.quiet(id(), value, measured + ", but the account is established, so"
          + " the name does not count.");
    }
    return SignalResult.fired(id(), value, measured + " and the account has no established"
        + " history.", "whose name looks machine-generated");
  }
}
