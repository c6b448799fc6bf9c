package dev.lazaret.proxy.quarantine;

/**
 * Applies what other nodes changed in the shared state to this node's quarantine: a decision
 * re-judges its package, a rule change rebuilds the engine, a resync reloads both. Runs on the
 * change feed's thread; a failure propagates to the feed, which logs it and resyncs later.
 */
public final class RemoteChanges implements StateChanges.Listener {

  private final QuarantineService quarantine;

  /** Changes applied to {@code quarantine}. */
  public RemoteChanges(QuarantineService quarantine) {
    this.quarantine = quarantine;
  }

  @Override
  public void decisionChanged(String packageName) {
    quarantine.remoteDecision(packageName);
  }

  @Override
  public void rulesChanged() {
    quarantine.remoteRulesChanged();
  }

  @Override
  public void resync() {
    quarantine.resync();
  }
}
