package dev.lazaret.proxy.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Range matching against the cases of node-semver's own fixtures (range-include and
 * range-exclude, strict mode; the loose-only cases are left out), plus advisory-shaped ranges.
 */
class SemVerRangeTest {

  private static final boolean PRE = true;

  /** {range, version, includePrerelease}: the version is in the range. */
  static Stream<Arguments> included() {
    return Stream.of(
        a("1.0.0 - 2.0.0", "1.2.3"),
        a("^1.2.3+build", "1.2.3"),
        a("^1.2.3+build", "1.3.0"),
        a("1.2.3-pre+asdf - 2.4.3-pre+asdf", "1.2.3"),
        a("1.2.3-pre+asdf - 2.4.3-pre+asdf", "1.2.3-pre.2"),
        a("1.2.3-pre+asdf - 2.4.3-pre+asdf", "2.4.3-alpha"),
        a("1.2.3+asdf - 2.4.3+asdf", "1.2.3"),
        a("1.0.0", "1.0.0"),
        a(">=*", "0.2.4"),
        a("", "1.0.0"),
        a("*", "1.2.3"),
        a("*", "v1.2.3"),
        a(">=1.0.0", "1.0.0"),
        a(">=1.0.0", "1.0.1"),
        a(">=1.0.0", "1.1.0"),
        a(">1.0.0", "1.0.1"),
        a(">1.0.0", "1.1.0"),
        a("<=2.0.0", "2.0.0"),
        a("<=2.0.0", "1.9999.9999"),
        a("<=2.0.0", "0.2.9"),
        a("<2.0.0", "1.9999.9999"),
        a("<2.0.0", "0.2.9"),
        a(">= 1.0.0", "1.0.0"),
        a(">=  1.0.0", "1.0.1"),
        a(">=   1.0.0", "1.1.0"),
        a("> 1.0.0", "1.0.1"),
        a(">  1.0.0", "1.1.0"),
        a("<=   2.0.0", "2.0.0"),
        a("<= 2.0.0", "1.9999.9999"),
        a("<=  2.0.0", "0.2.9"),
        a("<    2.0.0", "1.9999.9999"),
        a("<\t2.0.0", "0.2.9"),
        a(">=0.1.97", "v0.1.97"),
        a(">=0.1.97", "0.1.97"),
        a("0.1.20 || 1.2.4", "1.2.4"),
        a(">=0.2.3 || <0.0.1", "0.0.0"),
        a(">=0.2.3 || <0.0.1", "0.2.3"),
        a(">=0.2.3 || <0.0.1", "0.2.4"),
        a("||", "1.3.4"),
        a("2.x.x", "2.1.3"),
        a("1.2.x", "1.2.3"),
        a("1.2.x || 2.x", "2.1.3"),
        a("1.2.x || 2.x", "1.2.3"),
        a("x", "1.2.3"),
        a("2.*.*", "2.1.3"),
        a("1.2.*", "1.2.3"),
        a("1.2.* || 2.*", "2.1.3"),
        a("1.2.* || 2.*", "1.2.3"),
        a("2", "2.1.2"),
        a("2.3", "2.3.1"),
        a("~0.0.1", "0.0.1"),
        a("~0.0.1", "0.0.2"),
        a("~x", "0.0.9"),
        a("~2", "2.0.9"),
        a("~2.4", "2.4.0"),
        a("~2.4", "2.4.5"),
        a("~>3.2.1", "3.2.2"),
        a("~1", "1.2.3"),
        a("~>1", "1.2.3"),
        a("~> 1", "1.2.3"),
        a("~1.0", "1.0.2"),
        a("~ 1.0", "1.0.2"),
        a("~ 1.0.3", "1.0.12"),
        a(">=1", "1.0.0"),
        a(">= 1", "1.0.0"),
        a("<1.2", "1.1.1"),
        a("< 1.2", "1.1.1"),
        a("~v0.5.4-pre", "0.5.5"),
        a("~v0.5.4-pre", "0.5.4"),
        a("=0.7.x", "0.7.2"),
        a("<=0.7.x", "0.7.2"),
        a(">=0.7.x", "0.7.2"),
        a("<=0.7.x", "0.6.2"),
        a("~1.2.1 >=1.2.3", "1.2.3"),
        a("~1.2.1 =1.2.3", "1.2.3"),
        a("~1.2.1 1.2.3", "1.2.3"),
        a("~1.2.1 >=1.2.3 1.2.3", "1.2.3"),
        a("~1.2.1 1.2.3 >=1.2.3", "1.2.3"),
        a(">=1.2.1 1.2.3", "1.2.3"),
        a("1.2.3 >=1.2.1", "1.2.3"),
        a(">=1.2.3 >=1.2.1", "1.2.3"),
        a(">=1.2.1 >=1.2.3", "1.2.3"),
        a(">=1.2", "1.2.8"),
        a("^1.2.3", "1.8.1"),
        a("^0.1.2", "0.1.2"),
        a("^0.1", "0.1.2"),
        a("^0.0.1", "0.0.1"),
        a("^1.2", "1.4.2"),
        a("^1.2 ^1", "1.4.2"),
        a("^1.2.3-alpha", "1.2.3-pre"),
        a("^1.2.0-alpha", "1.2.0-pre"),
        a("^0.0.1-alpha", "0.0.1-beta"),
        a("^0.0.1-alpha", "0.0.1"),
        a("^0.1.1-alpha", "0.1.1-beta"),
        a("^x", "1.2.3"),
        a("x - 1.0.0", "0.9.7"),
        a("x - 1.x", "0.9.7"),
        a("1.0.0 - x", "1.9.7"),
        a("1.x - x", "1.9.7"),
        a("<=7.x", "7.9.9"),
        a("2.x", "2.0.0-pre.0", PRE),
        a("2.x", "2.1.0-pre.0", PRE),
        a("1.1.x", "1.1.0-a", PRE),
        a("1.1.x", "1.1.1-a", PRE),
        a("*", "1.0.0-rc1", PRE),
        a("^1.0.0-0", "1.0.1-rc1", PRE),
        a("^1.0.0-rc2", "1.0.1-rc1", PRE),
        a("^1.0.0", "1.0.1-rc1", PRE),
        a("^1.0.0", "1.1.0-rc1", PRE),
        a("1 - 2", "2.0.0-pre", PRE),
        a("1 - 2", "1.0.0-pre", PRE),
        a("1.0 - 2", "1.0.0-pre", PRE),
        a("=0.7.x", "0.7.0-asdf", PRE),
        a(">=0.7.x", "0.7.0-asdf", PRE),
        a("<=0.7.x", "0.7.0-asdf", PRE),
        a(">=1.0.0 <=1.1.0", "1.1.0-pre", PRE),
        // Shapes advisories use; npm matches advisory ranges with includePrerelease.
        a(">=0", "0.0.0"),
        a(">=0", "99.0.0"),
        a(">=0", "1.0.0-beta.1", PRE),
        a("*", "2.0.0-rc.1", PRE),
        a(">=1.0.0 <1.4.2", "1.4.1"),
        a(">=1.0.0 <1.4.2", "1.4.2-rc.1", PRE),
        a("<1.2.3", "1.2.3-beta", PRE),
        a("=1.2.3", "1.2.3"),
        a("1.2.3 || 1.2.5", "1.2.5"),
        a(">=2.0.0 <2.3.1 || >=3.0.0 <3.0.2", "3.0.1"));
  }

  /** {range, version, includePrerelease}: the version is not in the range. */
  static Stream<Arguments> excluded() {
    return Stream.of(
        a("1.0.0 - 2.0.0", "2.2.3"),
        a("1.2.3+asdf - 2.4.3+asdf", "1.2.3-pre.2"),
        a("1.2.3+asdf - 2.4.3+asdf", "2.4.3-alpha"),
        a("^1.2.3+build", "2.0.0"),
        a("^1.2.3+build", "1.2.0"),
        a("^1.2.3", "1.2.3-pre"),
        a("^1.2", "1.2.0-pre"),
        a(">1.2", "1.3.0-beta"),
        a("<=1.2.3", "1.2.3-beta"),
        a("^1.2.3", "1.2.3-beta"),
        a("=0.7.x", "0.7.0-asdf"),
        a(">=0.7.x", "0.7.0-asdf"),
        a("<=0.7.x", "0.7.0-asdf"),
        a("1", "1.0.0beta"),
        a("<1", "1.0.0beta"),
        a("< 1", "1.0.0beta"),
        a("1.0.0", "1.0.1"),
        a(">=1.0.0", "0.0.0"),
        a(">=1.0.0", "0.0.1"),
        a(">=1.0.0", "0.1.0"),
        a(">1.0.0", "0.0.1"),
        a(">1.0.0", "0.1.0"),
        a("<=2.0.0", "3.0.0"),
        a("<=2.0.0", "2.9999.9999"),
        a("<=2.0.0", "2.2.9"),
        a("<2.0.0", "2.9999.9999"),
        a("<2.0.0", "2.2.9"),
        a(">=0.1.97", "v0.1.93"),
        a(">=0.1.97", "0.1.93"),
        a("0.1.20 || 1.2.4", "1.2.3"),
        a(">=0.2.3 || <0.0.1", "0.0.3"),
        a(">=0.2.3 || <0.0.1", "0.2.2"),
        a("2.x.x", "1.1.3"),
        a("2.x.x", "3.1.3"),
        a("1.2.x", "1.3.3"),
        a("1.2.x || 2.x", "3.1.3"),
        a("1.2.x || 2.x", "1.1.3"),
        a("2.*.*", "1.1.3"),
        a("2.*.*", "3.1.3"),
        a("1.2.*", "1.3.3"),
        a("1.2.* || 2.*", "3.1.3"),
        a("1.2.* || 2.*", "1.1.3"),
        a("2", "1.1.2"),
        a("2.3", "2.4.1"),
        a("~0.0.1", "0.1.0-alpha"),
        a("~0.0.1", "0.1.0"),
        a("~2.4", "2.5.0"),
        a("~2.4", "2.3.9"),
        a("~>3.2.1", "3.3.2"),
        a("~>3.2.1", "3.2.0"),
        a("~1", "0.2.3"),
        a("~>1", "2.2.3"),
        a("~1.0", "1.1.0"),
        a("<1", "1.0.0"),
        a(">=1.2", "1.1.1"),
        a("1", "2.0.0beta"),
        a("~v0.5.4-beta", "0.5.4-alpha"),
        a("=0.7.x", "0.8.2"),
        a(">=0.7.x", "0.6.2"),
        a("<0.7.x", "0.7.2"),
        a("<1.2.3", "1.2.3-beta"),
        a("=1.2.3", "1.2.3-beta"),
        a(">1.2", "1.2.8"),
        a("^0.0.1", "0.0.2-alpha"),
        a("^0.0.1", "0.0.2"),
        a("^1.2.3", "2.0.0-alpha"),
        a("^1.2.3", "1.2.2"),
        a("^1.2", "1.1.9"),
        a("*", "v1.2.3-foo"),
        a("*", "not a version"),
        a(">=2", "glorp"),
        a("2.x", "3.0.0-pre.0", PRE),
        a("^1.0.0", "1.0.0-rc1", PRE),
        a("^1.0.0", "2.0.0-rc1", PRE),
        a("^1.2.3-rc2", "2.0.0", PRE),
        a("^1.0.0", "2.0.0-rc1"),
        a("1 - 2", "3.0.0-pre", PRE),
        a("1 - 2", "2.0.0-pre"),
        a("1 - 2", "1.0.0-pre"),
        a("1.0 - 2", "1.0.0-pre"),
        a("1.1.x", "1.0.0-a"),
        a("1.1.x", "1.1.0-a"),
        a("1.1.x", "1.2.0-a"),
        a("1.1.x", "1.2.0-a", PRE),
        a("1.1.x", "1.0.0-a", PRE),
        a("1.x", "1.0.0-a"),
        a("1.x", "1.1.0-a"),
        a("1.x", "1.2.0-a"),
        a("1.x", "0.0.0-a", PRE),
        a("1.x", "2.0.0-a", PRE),
        a(">=1.0.0 <1.1.0", "1.1.0"),
        a(">=1.0.0 <1.1.0", "1.1.0", PRE),
        a(">=1.0.0 <1.1.0", "1.1.0-pre"),
        a(">=1.0.0 <1.1.0-pre", "1.1.0-pre"),
        // Shapes advisories use.
        a(">=0", "1.0.0-beta.1"),
        a("<0.0.0-0", "0.0.0", PRE),
        a("<0.0.0-0", "0.0.0-0", PRE),
        a(">*", "1.0.0"),
        a("* || 1.0.0-rc.1", "1.0.0-rc.1"),
        a(">=1.0.0 <1.4.2", "1.4.2", PRE),
        a("1.2.3 || 1.2.5", "1.2.4"));
  }

  @ParameterizedTest(name = "{0} includes {1} (includePrerelease={2})")
  @MethodSource("included")
  void includes(String range, String version, boolean includePrerelease) {
    assertThat(SemVerRange.parse(range, includePrerelease).includes(version)).isTrue();
  }

  @ParameterizedTest(name = "{0} excludes {1} (includePrerelease={2})")
  @MethodSource("excluded")
  void excludes(String range, String version, boolean includePrerelease) {
    assertThat(SemVerRange.parse(range, includePrerelease).includes(version)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo", ">=1.0.0 <", "1.2.3pre", "==1.0.0", ">=1.0.0 || bar",
      "1.2.3 - ", "^", "1.0.0 - 2.0.0 - 3.0.0"})
  void rejectsWhatIsNotARange(String range) {
    assertThatThrownBy(() -> SemVerRange.parse(range))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(range.trim().isEmpty() ? "" : "invalid version range");
    assertThat(SemVerRange.tryParse(range, true)).isEmpty();
  }

  @Test
  void keepsTheRangeAsWritten() {
    assertThat(SemVerRange.parseIncludingPrereleases(">= 1.0.0 <1.4.2"))
        .hasToString(">= 1.0.0 <1.4.2");
  }

  private static Arguments a(String range, String version) {
    return Arguments.of(range, version, false);
  }

  private static Arguments a(String range, String version, boolean includePrerelease) {
    return Arguments.of(range, version, includePrerelease);
  }

  // Found by SemVerRangePropertiesTest: a token ending in a line terminator that \s does not
  // split on (U+2028, U+0085) did not match TOKEN, and m.group threw IllegalStateException.
  @Test
  void aLineSeparatorInARangeIsAnInvalidRangeNotAnIllegalState() {
    assertThatThrownBy(() -> SemVerRange.parse("1.0.0\u2028")).isExactlyInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> SemVerRange.parse(">=1\u0085")).isExactlyInstanceOf(
        IllegalArgumentException.class);
    assertThat(SemVerRange.tryParse("^1.2.3\u2029", true)).isEmpty();
  }

  // Found by SemVerPropertiesTest: parts past node-semver's limit were read, and ^N's upper
  // bound N+1 overflowed a long, so a range did not admit the version it was written around.
  @Test
  void aPartLargerThanNodeSemversLimitIsNoRange() {
    assertThatThrownBy(() -> SemVerRange.parse("^9223372036854775807.0.0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SemVerRange.parse("~1.9007199254740992"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(SemVerRange.parse("^9007199254740991.0.0").includes("9007199254740991.2.3"))
        .isTrue();
  }
}
