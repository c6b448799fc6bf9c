package dev.lazaret.proxy.npm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path, decoded, validated and classified as one of the registry endpoints Lazaret
 * serves. Parsing never touches the network or the store; a malformed path is an
 * {@link IllegalArgumentException} whose message is fit for a 400 answer.
 */
public sealed interface RegistryPath {

  /** {@code GET /-/ping}. */
  record Ping() implements RegistryPath {}

  /** {@code GET /{name}}: the packument. */
  record Packument(PackageName name) implements RegistryPath {}

  /** {@code GET /{name}/{version-or-tag}}: one version's manifest. */
  record Version(PackageName name, String spec) implements RegistryPath {}

  /** {@code GET /{name}/-/{file}.tgz}: a tarball. */
  record Tarball(PackageName name, String file) implements RegistryPath {}

  /** {@code GET /-/package/{name}/dist-tags}. */
  record DistTags(PackageName name) implements RegistryPath {}

  /**
   * {@code GET /-/quarantine/{name}}: which versions of a package the quarantine holds back and
   * until when, for developers whose install found no matching version.
   */
  record QuarantineStatus(PackageName name) implements RegistryPath {}

  /**
   * An endpoint relayed to the upstream as it is (search, audit, keys, attestations).
   *
   * @param kind what it is, for logs and metrics
   */
  record Relay(String kind) implements RegistryPath {}

  /** Maximum accepted length of the raw path. */
  int MAX_PATH_LENGTH = 2048;

  /**
   * Classifies a raw request path (without the query string).
   *
   * @throws IllegalArgumentException for a malformed path or name
   * @throws java.util.NoSuchElementException for a well-formed path that is no registry endpoint
   */
  static RegistryPath parse(String rawPath) {
    if (rawPath.length() > MAX_PATH_LENGTH) {
      throw new IllegalArgumentException("request path is too long");
    }
    if (!rawPath.startsWith("/")) {
      throw new IllegalArgumentException("request path must start with '/'");
    }
    List<String> seg = segments(rawPath);
    if (seg.isEmpty()) {
      throw new java.util.NoSuchElementException("/");
    }
    if (seg.get(0).equals("-")) {
      return special(rawPath, seg);
    }
    // A scoped name arrives either as one segment "@scope/name" (slash encoded) or as two.
    int nameEnd;
    String name;
    if (seg.get(0).startsWith("@") && !seg.get(0).contains("/")) {
      if (seg.size() < 2) {
        throw new IllegalArgumentException("invalid scoped package name '"
            + PackageName.printable(seg.get(0)) + "'");
      }
      name = seg.get(0) + "/" + seg.get(1);
      nameEnd = 2;
    } else {
      name = seg.get(0);
      nameEnd = 1;
    }
    PackageName pkg = PackageName.parse(name);
    List<String> rest = seg.subList(nameEnd, seg.size());
    if (rest.isEmpty()) {
      return new Packument(pkg);
    }
    if (rest.size() == 1) {
      return new Version(pkg, checkSpec(rest.get(0)));
    }
    if (rest.size() == 2 && rest.get(0).equals("-") && rest.get(1).endsWith(".tgz")) {
      return new Tarball(pkg, checkFile(rest.get(1)));
    }
    throw new java.util.NoSuchElementException(rawPath);
  }

  private static RegistryPath special(String rawPath, List<String> seg) {
    String joined = String.join("/", seg);
    switch (joined) {
      case "-/ping":
        return new Ping();
      case "-/v1/search":
        return new Relay("search");
      case "-/npm/v1/security/advisories/bulk":
        return new Relay("audit-bulk");
      case "-/npm/v1/security/audits/quick":
        return new Relay("audit-quick");
      case "-/npm/v1/keys":
        return new Relay("keys");
      default:
        break;
    }
    if (joined.startsWith("-/npm/v1/attestations/") && seg.size() >= 5) {
      return new Relay("attestations");
    }
    if (seg.size() >= 3 && seg.size() <= 4 && seg.get(1).equals("quarantine")) {
      return new QuarantineStatus(PackageName.parse(String.join("/", seg.subList(2, seg.size()))));
    }
    if (seg.size() >= 4 && seg.get(1).equals("package") && seg.get(seg.size() - 1).equals("dist-tags")) {
      String name = String.join("/", seg.subList(2, seg.size() - 1));
      return new DistTags(PackageName.parse(name));
    }
    throw new java.util.NoSuchElementException(rawPath);
  }

  private static String checkSpec(String spec) {
    if (spec.isEmpty() || spec.length() > 256 || !allIn(spec, 0, spec.length(), ".+_~^<>=| -")) {
      throw new IllegalArgumentException("invalid version or tag '" + PackageName.printable(spec) + "'");
    }
    return spec;
  }

  private static String checkFile(String file) {
    // The first character as in a package name (the file is "<name>-<version>.tgz"): "~x" and
    // "-x" are valid names, and their tarballs were refused.
    if (file.length() > 300 || !isTarballFile(file)) {
      throw new IllegalArgumentException("invalid tarball name '" + PackageName.printable(file) + "'");
    }
    return file;
  }

  // Loops, not String.matches: that compiles its pattern on every call, once per request here.

  /** {@code [A-Za-z0-9~-][A-Za-z0-9._+~-]*\.tgz}. */
  private static boolean isTarballFile(String file) {
    int stem = file.length() - ".tgz".length();
    return stem >= 1 && file.endsWith(".tgz") && allIn(file, 0, 1, "~-")
        && allIn(file, 1, stem, "._+~-");
  }

  /** Whether {@code s[from, to)} holds only ASCII letters, digits and {@code others}. */
  private static boolean allIn(String s, int from, int to, String others) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || others.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  /** Splits on '/', percent-decodes each segment strictly, and rejects dot segments. */
  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String part : rawPath.substring(1).split("/", -1)) {
      if (part.isEmpty()) {
        continue;
      }
      String decoded = percentDecode(part);
      if (decoded.equals(".") || decoded.equals("..")) {
        throw new IllegalArgumentException("path traversal is not allowed");
      }
      out.add(decoded);
    }
    // An encoded slash is only meaningful inside a scoped name: "@scope%2fname".
    for (int i = 0; i < out.size(); i++) {
      String s = out.get(i);
      if (s.contains("/") && !(s.startsWith("@") && s.indexOf('/') == s.lastIndexOf('/'))
          && !(i > 0 && out.get(0).equals("-"))) {
        throw new IllegalArgumentException("encoded '/' is only allowed in a scoped package name");
      }
      if (s.contains("/") && (s.endsWith("/") || s.contains("/.") )) {
        throw new IllegalArgumentException("path traversal is not allowed");
      }
    }
    return out;
  }

  /** Percent-decodes UTF-8; a malformed escape or a control character is a 400. */
  static String percentDecode(String s) {
    checkAscii(s);
    if (s.indexOf('%') < 0) {
      checkPrintable(s);
      return s;
    }
    byte[] out = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw new IllegalArgumentException("malformed percent-encoding in path");
        }
        int hi = hexDigit(s.charAt(i + 1));
        int lo = hexDigit(s.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed percent-encoding in path");
        }
        out[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else {
        out[n++] = (byte) c;
      }
    }
    var decoder = StandardCharsets.UTF_8.newDecoder();
    String decoded;
    try {
      decoded = decoder.decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException("percent-encoded path is not valid UTF-8");
    }
    checkPrintable(decoded);
    return decoded;
  }

  /**
   * The value of an ASCII hex digit, or -1. Not Character.digit: it also reads other scripts'
   * digits, so "%\uff14\uff11" (fullwidth "41") decoded to "A".
   */
  private static int hexDigit(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }

  /** Netty hands the path over undecoded: a raw non-ASCII character was never encoded. */
  private static void checkAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        throw new IllegalArgumentException(
            "path must be ASCII (percent-encode other characters)");
      }
    }
  }

  private static void checkPrintable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw new IllegalArgumentException("path contains a control character or backslash");
      }
    }
  }
}
