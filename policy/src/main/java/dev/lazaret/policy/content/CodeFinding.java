package dev.lazaret.policy.content;

import java.util.Objects;

/**
 * One suspicious construct found in a file's text.
 *
 * @param kind    what was found
 * @param path    the file, as in the tarball without {@code package/}
 * @param line    the 1-based line it starts on
 * @param excerpt the matched text, cut to at most {@link #MAX_EXCERPT} characters
 */
public record CodeFinding(Kind kind, String path, int line, String excerpt) {

  /** Characters of matched text kept: enough for an analyst to recognise it. */
  public static final int MAX_EXCERPT = 160;

  /** Validates and cuts the excerpt. */
  public CodeFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    excerpt = excerpt.length() > MAX_EXCERPT ? excerpt.substring(0, MAX_EXCERPT) + "…" : excerpt;
  }

  /** What kind of construct a finding is. */
  public enum Kind {
    /** An HTTP request, socket or DNS lookup. */
    NETWORK_CALL,
    /** Reads {@code .npmrc}, tokens, SSH keys, cloud credentials or the whole environment. */
    SECRET_READ,
    /** Runs a child process on content it downloaded or decoded. */
    DOWNLOAD_AND_RUN,
    /** {@code eval} or {@code new Function} of a decoded or computed string. */
    DYNAMIC_EVAL,
    /** A long base64 or hex literal. */
    ENCODED_BLOB,
    /** Obfuscator fingerprints: {@code _0x} identifiers, string-array rotation. */
    OBFUSCATION
  }
}
