package dev.lazaret.policy.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a word list shipped inside the policy jar: whitespace-separated entries, {@code #} starts
 * a comment line. A missing one is a build error.
 */
final class WordList {

  private WordList() {
  }

  /** The entries of the resource {@code name} next to this class. */
  static List<String> load(String name) {
    try (InputStream in = WordList.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("policy resource missing from the jar: " + name);
      }
      List<String> words = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        for (String word : line.trim().split("\\s+")) {
          if (!word.isEmpty()) {
            words.add(word);
          }
        }
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy resource " + name, e);
    }
  }
}
