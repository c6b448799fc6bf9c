package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.seenFor;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Advisories;
import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MachineNameTest {

  private static SignalResult judge(String publisher, Duration seenFor) {
    return MachineName.bundled().evaluate(context(
        single("thing", version("1.0.0", Duration.ofHours(2), publisher).build()), "1.0.0",
        Evidence.of(Advisories.clean(), seenFor(publisher, seenFor, 3))));
  }

  // Letters-only random names (qzqhyets) are the hard case: at <= 2% false flags on real names
  // the scorer lets about a quarter of them through (docs/POLICY.md), so none is pinned here.
  @ParameterizedTest
  @ValueSource(strings = {"5t7crz72", "d4ugwerp", "x8k2m9pq", "k7x2qv9m"})
  void randomNameOnAFreshAccountFires(String name) {
    SignalResult r = judge(name, Duration.ofHours(2));
    assertThat(r.fired()).as(r.sentence()).isTrue();
    assertThat(r.phrase()).isEqualTo("whose name looks machine-generated");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tj", "qix", "isaacs", "ljharb", "zkochan", "sindresorhus"})
  void oddNamesOfEstablishedMaintainersNeverFire(String name) {
    assertThat(judge(name, Duration.ofDays(3000)).fired()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice", "webdeveloper", "johnsmith", "react-team"})
  void wordlikeNamesDoNotFireEvenWhenFresh(String name) {
    assertThat(judge(name, Duration.ofHours(2)).fired()).isFalse();
  }
}
