package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemVerTest {

  @Test
  void ordersBySemverPrecedence() {
    List<String> sorted = Stream.of("1.0.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta",
            "1.0.0-alpha.beta", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-rc.1", "0.9.9", "10.0.0", "2.0.0")
        .map(v -> SemVer.parse(v).orElseThrow())
        .sorted()
        .map(s -> s.major() + "." + s.minor() + "." + s.patch() + (s.isPrerelease() ? "-" + s.prerelease() : ""))
        .toList();
    assertThat(sorted).containsExactly("0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
        "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "10.0.0");
  }

  @Test
  void rejectsNonVersions() {
    assertThat(SemVer.parse("latest")).isEmpty();
    assertThat(SemVer.parse("1.2")).isEmpty();
    assertThat(SemVer.parse("01.2.3")).isEmpty();
  }

  @Test
  void ignoresBuildMetadata() {
    assertThat(SemVer.parse("1.2.3+build.5").orElseThrow())
        .isEqualByComparingTo(SemVer.parse("1.2.3").orElseThrow());
  }

  // Found by SemVerPropertiesTest: parts up to Long.MAX_VALUE were read, npm refuses past 2^53-1.
  @Test
  void aPartLargerThanNodeSemversLimitIsNoVersion() {
    assertThat(SemVer.parse("9007199254740991.0.0"))
        .contains(new SemVer(9_007_199_254_740_991L, 0, 0, ""));
    assertThat(SemVer.parse("9007199254740992.0.0")).isEmpty();
    assertThat(SemVer.parse("1.2.9223372036854775806-0")).isEmpty();
  }
}
