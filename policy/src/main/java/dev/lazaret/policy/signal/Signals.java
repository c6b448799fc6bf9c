package dev.lazaret.policy.signal;

import dev.lazaret.policy.content.CodeScanner;
import java.util.List;

/** The standard set of signals, in the order verdicts list them. */
public final class Signals {

  private Signals() {
  }

  /**
   * All sixteen signals, with the bundled name scorer and popular-name list: eleven from the
   * packument, five from what inspecting the tarball found.
   */
  public static List<Signal> standard() {
    CodeScanner scanner = new CodeScanner();
    return List.of(new ReleaseAge(), new NewPackage(), new PublisherHistory(),
        MachineName.bundled(), new InstallScripts(), new MaintainerTakeover(), new VersionJump(),
        new ProvenanceRegression(), new KnownMalware(), new ThinPackage(), Typosquat.bundled(),
        new InstallScriptChange(scanner), new SuspiciousCode(scanner), new NativeBinaryAdded(),
        new RiskyDependency(), new Uninspectable());
  }
}
