package dev.lazaret.proxy.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.npm.NpmJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a package tarball (gzip'd tar) within {@link InspectionLimits} into an
 * {@link Inspection}. A tarball past a cap, or malformed, is not an error: the inspection says
 * it is incomplete and why, and keeps what was read until then.
 */
public final class TarballInspector {

  private static final int MAX_PACKAGE_JSON_BYTES = 1 << 20;

  private final InspectionLimits limits;

  /** An inspector within {@code limits}. */
  public TarballInspector(InspectionLimits limits) {
    this.limits = limits;
  }

  /** Inspects the tarball in {@code tgz}. */
  public Unpacked inspect(byte[] tgz) {
    return inspect(new ByteArrayInputStream(tgz));
  }

  /** Inspects the tarball read from {@code tgz} (not closed). */
  public Unpacked inspect(InputStream tgz) {
    List<Inspection.FileEntry> files = new ArrayList<>();
    KeptTexts kept = new KeptTexts(limits);
    byte[][] packageJson = {null};
    String incomplete = null;
    try {
      read(tgz, files, kept, packageJson);
    } catch (IncompleteArchiveException | CappedInflation.CapExceeded e) {
      incomplete = e.getMessage();
    } catch (ZipException e) {
      incomplete = "not a gzip archive: " + e.getMessage();
    } catch (IOException e) {
      incomplete = "unreadable archive: " + e.getMessage();
    }
    Inspection.Manifest manifest = packageJson[0] == null ? null : manifest(packageJson[0]);
    if (manifest == null && packageJson[0] != null && incomplete == null) {
      incomplete = "package.json is not a JSON object";
    }
    Map<String, String> install = installScripts(manifest);
    Set<String> paths = new HashSet<>();
    files.forEach(f -> paths.add(f.path()));
    Map<String, String> texts = kept.texts(ScriptFiles.paths(install, paths::contains));
    boolean gyp = files.stream().anyMatch(f -> f.path().equals("binding.gyp"));
    return new Unpacked(new Inspection(files, manifest, install,
        ScriptFiles.run(install, texts, limits.maxScriptBytes()), gyp,
        files.stream().anyMatch(Inspection.FileEntry::binary), incomplete), texts);
  }

  private void read(InputStream tgz, List<Inspection.FileEntry> files, KeptTexts texts,
      byte[][] packageJson) throws IOException, IncompleteArchiveException {
    CappedInflation.CountingInput compressed = new CappedInflation.CountingInput(tgz);
    InputStream tar = new CappedInflation(new GZIPInputStream(compressed, 8192), compressed,
        limits);
    TarReader reader = new TarReader(tar, limits);
    for (TarReader.Entry e = reader.next(); e != null; e = reader.next()) {
      String path = safePath(e.path());
      if (e.size() > limits.maxFileBytes()) {
        throw new IncompleteArchiveException(path + " is " + e.size() + " bytes, more than "
            + limits.maxFileBytes());
      }
      FileRead content = readFile(reader.content(), e.size(), texts.readLimit(e.size()));
      String text = content.kept == null ? null : utf8(content.kept);
      boolean binary = path.endsWith(".node") || NativeMagic.matches(content.head);
      files.add(new Inspection.FileEntry(path, content.size, content.sha256,
          text != null || (content.kept == null && content.textSoFar), binary));
      if (text != null) {
        texts.offer(path, content.size, text);
      }
      if (path.equals("package.json") && content.size <= MAX_PACKAGE_JSON_BYTES) {
        packageJson[0] = content.kept;
      }
    }
  }

  /**
   * The entry's path without its first directory ({@code package/} as npm packs it, though some
   * tarballs use another name), refused if absolute, with {@code ..} or too long.
   */
  private String safePath(String raw) throws IncompleteArchiveException {
    if (raw.length() > limits.maxPathLength()) {
      throw new IncompleteArchiveException("a path of " + raw.length() + " characters");
    }
    if (raw.startsWith("/") || raw.startsWith("\\") || raw.matches("^[A-Za-z]:.*")) {
      throw new IncompleteArchiveException("absolute path " + printable(raw));
    }
    for (String segment : raw.split("[/\\\\]")) {
      if (segment.equals("..")) {
        throw new IncompleteArchiveException("path with '..': " + printable(raw));
      }
    }
    if (raw.chars().anyMatch(c -> c < 0x20)) {
      throw new IncompleteArchiveException("path with a control character: " + printable(raw));
    }
    int slash = raw.indexOf('/');
    return slash < 0 ? raw : raw.substring(slash + 1);
  }

  private static String printable(String path) {
    String cut = path.length() > 120 ? path.substring(0, 120) + "..." : path;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** A file's size, hash, first bytes and, if small enough, its whole content. */
  private record FileRead(long size, String sha256, byte[] head, byte[] kept,
      boolean textSoFar) {
  }

  /**
   * Reads a file of {@code expected} bytes (as its header says), keeping its content if it is
   * text of at most {@code keepUpTo} bytes.
   */
  private FileRead readFile(InputStream content, long expected, long keepUpTo)
      throws IOException {
    MessageDigest sha = sha256();
    // Sized up front when it will be kept: a large install-time file is not copied as it grows.
    ByteArrayOutputStream kept = new ByteArrayOutputStream(
        expected <= keepUpTo ? (int) expected : 8192);
    byte[] head = new byte[0];
    boolean fits = true;
    boolean noNul = true;
    long size = 0;
    byte[] buffer = new byte[8192];
    for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
      sha.update(buffer, 0, n);
      if (size == 0) {
        head = java.util.Arrays.copyOf(buffer, Math.min(n, 8));
      }
      size += n;
      for (int i = 0; i < n && noNul; i++) {
        noNul = buffer[i] != 0;
      }
      if (fits && size <= keepUpTo && noNul) {
        kept.write(buffer, 0, n);
      } else {
        fits = false;
      }
    }
    return new FileRead(size, HexFormat.of().formatHex(sha.digest()), head,
        fits && noNul ? kept.toByteArray() : null, noNul);
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Inspection.Manifest manifest(byte[] json) {
    JsonNode root;
    try {
      root = NpmJson.MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    Map<String, String> bin = texts(root.path("bin"));
    if (root.path("bin").isTextual()) {
      bin = Map.of(root.path("name").asText(""), root.path("bin").asText());
    }
    return new Inspection.Manifest(text(root, "name"), text(root, "version"),
        text(root, "main"), texts(root.path("scripts")), bin,
        texts(root.path("dependencies")), root.path("gypfile").asBoolean(false));
  }

  private static String text(JsonNode root, String field) {
    JsonNode v = root.path(field);
    return v.isTextual() ? v.asText() : null;
  }

  private static Map<String, String> texts(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    if (object.isObject()) {
      object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static Map<String, String> installScripts(Inspection.Manifest manifest) {
    Map<String, String> out = new TreeMap<>();
    if (manifest == null) {
      return out;
    }
    for (String name : InstallScripts.NAMES) {
      String command = manifest.scripts().get(name);
      if (command != null) {
        out.put(name, command);
      }
    }
    return out;
  }
}
