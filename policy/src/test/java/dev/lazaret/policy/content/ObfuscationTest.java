package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.CodeFinding.Kind.OBFUSCATION;
import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ObfuscationTest {

  @Test
  void obfuscatorIoOutputInjectedIntoIndexJsIsFound() {
    // chalk/debug 2025: one obfuscated line appended to index.js, no install script.
    assertThat(scan("index.js", Samples.text("chalk-index.js"), OBFUSCATION))
        .extracting(CodeFinding::line, FindingPhrases::of).containsExactly(
            tuple(4, "is obfuscated (_0x identifiers)"),
            tuple(4, "is obfuscated (a rotated string array)"));
  }

  @Test
  void manyDistinctHexNamesAreTheFingerprint() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      code.append("var _0x").append(Integer.toHexString(0xa1b2c3 + i * 17)).append("=1;");
    }
    assertThat(scan("a.js", code.toString(), OBFUSCATION)).hasSize(1);
    assertThat(FindingPhrases.of(scan("a.js", code.toString(), OBFUSCATION).getFirst()))
        .isEqualTo("is obfuscated (_0x identifiers)");
  }

  @Test
  void aRotatedStringArrayIsTheFingerprintWithoutHexNames() {
    String rotation = "(function(a,b){var c=a();while(!![]){try{var d=parseInt(e(0x1));"
        + "if(d===b)break;else c['push'](c['shift']());}catch(f){c['push'](c['shift']());}}}"
        + "(g,0x3f2a1));";
    assertThat(scan("a.js", rotation, OBFUSCATION)).extracting(FindingPhrases::of)
        .containsExactly("is obfuscated (a rotated string array)");
  }

  @Test
  void minifiedCodeIsNotObfuscated() {
    assertThat(scan("dayjs.min.js", Samples.text("benign-terser.min.js"))).isEmpty();
    assertThat(scan("a.js", "queue.push(queue.shift()); var x = 0x1f2e3d, _0x1 = 2;"
        + " var _0xdead = 1, _0xdead2 = _0xdead;", OBFUSCATION)).isEmpty();
  }
}
