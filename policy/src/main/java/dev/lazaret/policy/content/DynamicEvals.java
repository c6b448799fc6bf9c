package dev.lazaret.policy.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Code built from decoded text and run: {@code eval}, {@code new Function}, {@code vm} or
 * {@code Module._compile} given a decoding call, or a variable assigned from one; or
 * {@code eval} of a variable in a file that makes network calls. Evaluating a
 * literal ({@code Function("return this")}, a bundler's {@code eval("require")}) or a template
 * a library generated is not counted: nothing is hidden there.
 */
final class DynamicEvals implements Detector {

  /** Calls that run a string as code. */
  private static final List<String> EVALUATORS = List.of("eval(", "Function(",
      "runInThisContext(", "runInNewContext(", "runInContext(", "vm.Script(", "_compile(");
  /** Characters of the argument list read. */
  private static final int ARGUMENTS = 300;

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
    return out;
  }
}
