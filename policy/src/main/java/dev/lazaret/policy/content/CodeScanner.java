package dev.lazaret.policy.content;

import java.util.List;

/**
 * Finds suspicious constructs in a JavaScript or shell file's text: pure and bounded in time
 * (linear in the text), so it may run on anything a tarball holds.
 */
public final class CodeScanner {

  /** The scanner with every detector. */
  public CodeScanner() {
  }

  /** The findings in {@code text}, the content of the file at {@code path}, in line order. */
  public List<CodeFinding> scan(String path, String text) {
    return List.of();
  }
}
