package dev.lazaret.policy.signal;

import dev.lazaret.policy.SignalId;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.VersionFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Install hooks ({@code preinstall}, {@code install}, {@code postinstall}) that the previous
 * version lacked, or any hook in a package's first version: the classic way malware runs on the
 * developer's machine at {@code npm install}.
 */
public final class InstallScripts implements Signal {

  @Override
  public SignalId id() {
    return SignalId.INSTALL_SCRIPTS;
  }

  @Override
  public SignalResult evaluate(VersionContext c) {
    List<String> added = new ArrayList<>();
    var before = c.previous().map(VersionFacts::installScripts);
    for (String hook : VersionFacts.INSTALL_HOOKS) {
      if (c.version().installScripts().contains(hook)
          && before.map(b -> !b.contains(hook)).orElse(true)) {
        added.add(hook);
      }
    }
    if (added.isEmpty()) {
      String has = c.version().installScripts().isEmpty() ? "no install scripts"
          : "the same install scripts as the previous version";
      return SignalResult.quiet(id(), "none new", "The version has " + has + ".");
    }
    String hooks = String.join(", ", added);
    String plural = added.size() == 1 ? " script" : " scripts";
    String since = before.isPresent() ? ", which the previous version did not have"
        : " in the package's first version";
    return SignalResult.fired(id(), hooks, "The version runs " + hooks + plural + " at install"
        + since + ".", "with a new " + hooks + plural);
  }
}
