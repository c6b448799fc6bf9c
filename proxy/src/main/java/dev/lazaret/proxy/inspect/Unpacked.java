package dev.lazaret.proxy.inspect;

import java.util.Map;

/**
 * An inspection and, for as long as a diff needs them, the texts of its text files (each at most
 * {@link InspectionLimits#maxTextBytes()}, or {@link InspectionLimits#maxRunTextBytes()} for a
 * file an install script runs; see {@link KeptTexts}): never stored, only the inspection is.
 *
 * @param inspection what is stored
 * @param texts      text file contents by path; files too big to keep are absent
 */
public record Unpacked(Inspection inspection, Map<String, String> texts) {
}
