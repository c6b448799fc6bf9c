package dev.lazaret.policy.content;

import static dev.lazaret.policy.content.CodeFinding.Kind.DYNAMIC_EVAL;
import static dev.lazaret.policy.content.Samples.scan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DynamicEvalsTest {

  @Test
  void evaluatingDecodedTextIsDynamicEval() {
    assertThat(scan("a.js", "eval(atob('Y29uc29sZS5sb2coMSk='))", DYNAMIC_EVAL)).hasSize(1);
    assertThat(scan("a.js", "new Function(Buffer.from(p, 'base64').toString())()",
        DYNAMIC_EVAL)).hasSize(1);
    assertThat(scan("a.js", "eval(s.split('').reverse().join(''))", DYNAMIC_EVAL)).hasSize(1);
  }

  @Test
  void evaluatingAVariableAssignedFromADecoderIsDynamicEval() {
    String code = "const payload = Buffer.from(blob, \"base64\").toString('utf8');\n"
        + "setTimeout(() => {\n  eval(payload);\n}, 1000);\n";
    assertThat(scan("a.js", code, DYNAMIC_EVAL)).extracting(CodeFinding::line)
        .containsExactly(3);
  }

  @Test
  void evaluatingWhatAFileDownloadsIsDynamicEval() {
    // eslint-scope 3.7.2 fetched its second stage and evaluated it.
    String code = "var https = require('https');\n"
        + "https.get(u, r => r.on('data', c => { eval(c); }));\n";
    assertThat(scan("build.js", code, DYNAMIC_EVAL)).extracting(CodeFinding::line)
        .containsExactly(2);
  }

  @Test
  void literalsAndGeneratedTemplatesAreNot() {
    assertThat(scan("a.js", "var g = Function('return this')(); var r = eval('require');"
        + " var f = new Function('a', 'b', 'return a + b');"
        + " var t = new Function(argNames, source);", DYNAMIC_EVAL)).isEmpty();
    assertThat(scan("dayjs.min.js", Samples.text("benign-terser.min.js"), DYNAMIC_EVAL))
        .isEmpty();
    assertThat(scan("main.js", Samples.text("benign-webpack-dev.js"), DYNAMIC_EVAL)).isEmpty();
  }
}
