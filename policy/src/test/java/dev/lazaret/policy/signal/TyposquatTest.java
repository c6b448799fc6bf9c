package dev.lazaret.policy.signal;

import static dev.lazaret.policy.Fixtures.context;
import static dev.lazaret.policy.Fixtures.single;
import static dev.lazaret.policy.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazaret.policy.Evidence;
import dev.lazaret.policy.SignalResult;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TyposquatTest {

  private static SignalResult judge(String name) {
    return Typosquat.bundled().evaluate(context(
        single(name, version("1.0.0", Duration.ofHours(1), "x").build()), "1.0.0",
        Evidence.none()));
  }

  @ParameterizedTest
  @CsvSource({"lodahs,lodash", "crossenv,cross-env", "expresss,express", "reqeust,request",
      "mongose,mongoose", "electorn,electron", "babel-cil,babel-cli", "typescirpt,typescript"})
  void nearMissesOfPopularNamesFire(String name, String target) {
    SignalResult r = judge(name);
    assertThat(r.fired()).as(r.sentence()).isTrue();
    assertThat(r.value()).isEqualTo(target);
  }

  @ParameterizedTest
  @ValueSource(strings = {"react-dom", "react-dnd", "chalk", "mocha", "mysql2", "ws", "dompurify",
      "my-totally-unrelated-package", "lazaret"})
  void popularNamesAndUnrelatedNamesDoNot(String name) {
    assertThat(judge(name).fired()).isFalse();
  }
}
