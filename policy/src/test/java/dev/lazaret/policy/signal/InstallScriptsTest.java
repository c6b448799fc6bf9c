package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static dev.lazaret.policy.Fixtures.withPostinstall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.PackageFacts;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallScriptsTest {

  @Test
  void newPostinstallFires() {
    PackageFacts facts = PackageFacts.builder("p")
        .version(version("1.0.0", Duration.ofDays(30), "a").build())
        .version(withPostinstall(version("1.0.1", Duration.ofHours(1), "a")).build()).build();
    SignalResult r = new InstallScripts().evaluate(context(facts, "1.0.1", Evidence.none()));
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("postinstall");
    assertThat(r.phrase()).isEqualTo("with a new postinstall script");
  }

  @Test
  void unchangedScriptsDoNotFire() {
    PackageFacts facts = PackageFacts.builder("p")
        .version(withPostinstall(version("1.0.0", Duration.ofDays(30), "a")).build())
        .version(withPostinstall(version("1.0.1", Duration.ofHours(1), "a")).build()).build();
    assertThat(new InstallScripts().evaluate(context(facts, "1.0.1", Evidence.none())).fired())
        .isFalse();
  }

  @Test
  void firstVersionWithAPreinstallFires() {
    PackageFacts facts = single("p", version("1.0.0", Duration.ofHours(1), "a")
        .scripts(Map.of("preinstall", "curl", "test", "jest")).build());
    SignalResult r = new InstallScripts().evaluate(context(facts, "1.0.0", Evidence.none()));
    assertThat(r.fired()).isTrue();
    assertThat(r.value()).isEqualTo("preinstall");
  }

  @Test
  void abbreviatedHasInstallScriptCounts() {
    PackageFacts facts = single("p", version("1.0.0", Duration.ofHours(1), "a")
        .hasInstallScript(true).build());
    assertThat(new InstallScripts().evaluate(context(facts, "1.0.0", Evidence.none())).fired())
        .isTrue();
  }
}
