package dev.lazaret.policy.signal;

import java.util.List;

/** The standard set of signals, in the order verdicts list them. */
public final class Signals {

  private Signals() {
  }

  /** All eleven signals, with the bundled name scorer and popular-name list. */
  public static List<Signal> standard() {
    return List.of(new ReleaseAge(), new NewPackage(), new PublisherHistory(),
        MachineName.bundled(), new InstallScripts(), new MaintainerTakeover(), new VersionJump(),
        new ProvenanceRegression(), new KnownMalware(), new ThinPackage(), Typosquat.bundled());
  }
}
