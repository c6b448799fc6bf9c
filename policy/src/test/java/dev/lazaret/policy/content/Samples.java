package dev.lazaret.policy.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The reconstructed attack payloads and benign files under
 * {@code src/test/resources/dev/lazaret/policy/content/} (see README.txt there), and short ways
 * to scan text in tests.
 */
public final class Samples {

  private static final CodeScanner SCANNER = new CodeScanner();

  private Samples() {
  }

  /** The text of the sample file {@code name}. */
  public static String text(String name) {
    try (InputStream in = Samples.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The findings in {@code text} as if it were the file {@code path}. */
  public static List<CodeFinding> scan(String path, String text) {
    return SCANNER.scan(path, text);
  }

  /** The findings of {@code kind} in {@code text} as the file {@code path}. */
  public static List<CodeFinding> scan(String path, String text, CodeFinding.Kind kind) {
    return scan(path, text).stream().filter(f -> f.kind() == kind).toList();
  }

  /** The kinds found in {@code text} as the file {@code path}. */
  public static List<CodeFinding.Kind> kinds(String path, String text) {
    return scan(path, text).stream().map(CodeFinding::kind).distinct().toList();
  }
}
