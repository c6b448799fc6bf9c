package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static dev.lazaret.policy.Fixtures.withPostinstall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import java.time.Duration;
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

  @Test
  void largeTarballWithScriptsIsQuiet() {
    var facts = single("p", withPostinstall(version("1.0.0", Duration.ofHours(1), "x"))
        .build());
    assertThat(new ThinPackage().evaluate(context(facts, "1.0.0", Evidence.none())).fired())
        .isFalse();
  }
}
