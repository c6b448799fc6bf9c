package dev.lazaret.policy;

import java.util.Objects;

/**
 * What one signal found about one version.
 *
 * @param id       which signal
 * @param fired    whether the signal counts against the version
 * @param value    the measured value, short (e.g. {@code "2 h"}, {@code "0.93"})
 * @param sentence a full sentence a human can read, saying what was found and why it matters
 * @param phrase   a lowercase fragment for one-line messages (e.g. {@code "with a new
 *                 postinstall script"}); empty when the signal has nothing worth saying there
 */
public record SignalResult(SignalId id, boolean fired, String value, String sentence,
    String phrase) {

  /** Validates that nothing is missing. */
  public SignalResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(phrase, "phrase");
  }

  /** A signal that counts against the version. */
  public static SignalResult fired(SignalId id, String value, String sentence, String phrase) {
    return new SignalResult(id, true, value, sentence, phrase);
  }

  /** A signal that found nothing against the version. */
  public static SignalResult quiet(SignalId id, String value, String sentence) {
    return new SignalResult(id, false, value, sentence, "");
  }
}
