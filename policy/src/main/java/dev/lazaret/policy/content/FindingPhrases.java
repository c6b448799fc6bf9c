package dev.lazaret.policy.content;

/** What a finding means, in the words a verdict's reasons use ("reads ~/.npmrc"). */
public final class FindingPhrases {

  private FindingPhrases() {
  }

  /** A verb phrase for {@code f}: "makes a network call", "reads ~/.npmrc", ... */
  public static String of(CodeFinding f) {
    return switch (f.kind()) {
      case NETWORK_CALL -> "makes a network call";
      case SECRET_READ -> "reads " + SecretReads.targetOf(f.excerpt());
      case DOWNLOAD_AND_RUN -> "runs downloaded or decoded content";
      case DYNAMIC_EVAL -> "evaluates decoded text as code";
      case ENCODED_BLOB -> "holds encoded data";
      case OBFUSCATION -> f.excerpt().contains("shift")
          ? "is obfuscated (a rotated string array)" : "is obfuscated (_0x identifiers)";
    };
  }
}
