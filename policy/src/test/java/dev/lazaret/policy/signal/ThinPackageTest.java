package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static dev.lazaret.policy.Fixtures.withPostinstall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.Fixtures;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThinPackageTest {

  @Test
  void tinyTarballWithInstallScriptFires() {
    var facts = single("p", withPostinstall(version("1.0.0", Duration.ofHours(1), "x"))
        .fileCount(2).unpackedSize(900).build());
    assertThat(new ThinPackage().evaluate(context(facts, "1.0.0", Evidence.none())).fired())
        .isTrue();
  }

  @Test
  void tinyTarballWithoutScriptsIsQuiet() {
    var facts = single("p", version("1.0.0", Duration.ofHours(1), "x").fileCount(2)
        .unpackedSize(900).build());
    assertThat(new ThinPackage().evaluate(context(facts, "1.0.0", Evidence.none())).fired())
        .isFalse();
  }

  /** A tiny package whose releases ran the same postinstall, {@code days} apart. */
  private static PackageFacts tinyWithReleases(int releases, long days) {
    var b = PackageFacts.builder("p").created(Fixtures.ago(Duration.ofDays(days * releases)));
    for (int i = releases; i >= 1; i--) {
      b.version(withPostinstall(version("1.0." + (releases - i), Duration.ofDays(days * i)
          .minusHours(1), "x")).fileCount(2).unpackedSize(900).build());
    }
    return b.version(withPostinstall(version("1.0." + releases, Duration.ofHours(1), "x"))
        .fileCount(2).unpackedSize(900).build()).build();
  }

  @Test
  void aLongStandingTinyPackageRunningTheSameHooksIsQuiet() {
    // Issue 13: "a tiny, long-standing package whose every version ran the same postinstall is
    // held 7 days ... although nothing changed".
    SignalResult r = new ThinPackage().evaluate(context(tinyWithReleases(4, 200), "1.0.4",
        Evidence.none()));
    assertThat(r.fired()).isFalse();
    assertThat(r.sentence()).isEqualTo("The tarball is tiny (2 files, 900 bytes) and runs"
        + " postinstall at install, as the 4 releases over 2 years before it did: a"
        + " long-standing shape, not a change.");
  }

  @Test
  void aShortOrRecentHistoryIsNotLongStanding() {
    // One earlier release is not a habit; three within a month are not long-standing.
    assertThat(new ThinPackage().evaluate(context(tinyWithReleases(1, 400), "1.0.1",
        Evidence.none())).fired()).isTrue();
    assertThat(new ThinPackage().evaluate(context(tinyWithReleases(3, 10), "1.0.3",
        Evidence.none())).fired()).isTrue();
  }

  @Test
  void hooksThatChangedRecentlyAreNotLongStanding() {
    var facts = PackageFacts.builder("p")
        .version(version("1.0.0", Duration.ofDays(700), "x").fileCount(2).unpackedSize(900)
            .scripts(Map.of("install", "node a.js")).build())
        .version(version("1.0.1", Duration.ofDays(400), "x").fileCount(2).unpackedSize(900)
            .scripts(Map.of("install", "node a.js")).build())
        .version(withPostinstall(version("1.0.2", Duration.ofHours(1), "x")).fileCount(2)
            .unpackedSize(900).build()).build();
    assertThat(new ThinPackage().evaluate(context(facts, "1.0.2", Evidence.none())).fired())
        .isTrue();
  }

  @Test
  void largeTarballWithScriptsIsQuiet() {
    var facts = single("p", withPostinstall(version("1.0.0", Duration.ofHours(1), "x"))
        .build());
    assertThat(new ThinPackage().evaluate(context(facts, "1.0.0", Evidence.none())).fired())
        .isFalse();
  }
}
