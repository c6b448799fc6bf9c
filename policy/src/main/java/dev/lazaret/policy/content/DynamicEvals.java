package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Code built from decoded text and run: {@code eval}, {@code new Function}, {@code vm} or
 * {@code Module._compile} given a decoding call, or a variable assigned from one; or
 * {@code eval} of a variable in a file that makes network calls; or a module made from
 * {@code module.constructor} (node's {@code Module}, reached without naming it) next to decoding,
 * or given the caller's {@code paths} and compiled through a computed name (flatmap-stream 0.1.1:
 * {@code var f=new module.constructor;f.paths=module.paths,f[e(n[7])](a,"")}). Evaluating a
 * literal ({@code Function("return this")}, a bundler's {@code eval("require")}) or a template
 * a library generated is not counted: nothing is hidden there; nor is a require hook or a
 * require-from-string helper that calls {@code _compile} by name on source it did not decode.
 */
final class DynamicEvals implements Detector {

  /** Calls that run a string as code. */
  private static final List<String> EVALUATORS = List.of("eval(", "Function(",
      "runInThisContext(", "runInNewContext(", "runInContext(", "vm.Script(", "_compile(");
  /** Characters of the argument list read. */
  private static final int ARGUMENTS = 300;
  /** Ways to reach node's {@code Module} without naming it, to compile source text. */
  private static final List<String> MODULE_MAKERS = List.of("new module.constructor",
      "module.constructor(");
  /** Characters read on either side of a module maker (on its line) for decoding. */
  private static final int MODULE_REACH = 400;

  @Override
  public List<CodeFinding> detect(SourceText text, Set<CodeFinding.Kind> foundSoFar) {
    if (text.language() != Language.JAVASCRIPT) {
      return List.of();
    }
    List<CodeFinding> out = new ArrayList<>();
    Set<String> decoded = null;
    for (String evaluator : EVALUATORS) {
      for (int at : text.find(evaluator)) {
        String args = text.arguments(at + evaluator.length(), ARGUMENTS);
        if (SourceText.isSingleLiteral(args)) {
          continue;
        }
        if (Decoding.decodes(args)) {
          out.add(text.finding(CodeFinding.Kind.DYNAMIC_EVAL, at));
          continue;
        }
        String name = Decoding.leadingName(args);
        if (name == null) {
          continue;
        }
        // eval of a variable in a file that fetches: running what was downloaded. Only eval:
        // a bundle with an HTTP client and a template compiler has new Function(args, body).
        if (evaluator.equals("eval(") && foundSoFar.contains(CodeFinding.Kind.NETWORK_CALL)) {
          out.add(text.finding(CodeFinding.Kind.DYNAMIC_EVAL, at));
          continue;
        }
        if (decoded == null) {
          decoded = Decoding.decodedNames(text);
        }
        if (decoded.contains(name)) {
          out.add(text.finding(CodeFinding.Kind.DYNAMIC_EVAL, at));
        }
      }
    }
    for (String maker : MODULE_MAKERS) {
      for (int at : text.find(maker)) {
        String next = text.after(at, MODULE_REACH);
        if (Decoding.decodes(text.before(at, MODULE_REACH)) || Decoding.decodes(next)
            || compiledUnnamed(next)) {
          out.add(text.finding(CodeFinding.Kind.DYNAMIC_EVAL, at));
        }
      }
    }
    return out;
  }

  /**
   * Whether the module made just before {@code next} is given the caller's search paths
   * ({@code m.paths = module.paths}, so that what it compiles can require what the package can)
   * while {@code _compile} is never named: the compile call hides behind a computed name.
   */
  private static boolean compiledUnnamed(String next) {
    String compact = next.replace(" ", "");
    return compact.contains(".paths=module.paths") && !next.contains("_compile");
  }
}
