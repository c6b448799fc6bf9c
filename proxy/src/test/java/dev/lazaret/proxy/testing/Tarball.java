package dev.lazaret.proxy.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An npm tarball (gzip of a tar whose entries live under {@code package/}) with its SRI
 * integrity and sha1 shasum. Packing is byte-for-byte deterministic: sorted entries, fixed
 * mtimes, owners and modes, and a gzip header written by hand with no timestamp.
 */
public record Tarball(byte[] bytes, String integrity, String shasum) {

  /** The mtime {@code npm pack} stamps on every entry, so our tarballs look like real ones. */
  static final Instant NPM_PACK_MTIME = Instant.parse("1985-10-26T08:15:00Z");

  private static final byte[] GZIP_HEADER = {
      0x1f, (byte) 0x8b, // magic
      Deflater.DEFLATED, // compression method
      0, // flags: no name, no comment, no extra field
      0, 0, 0, 0, // mtime 0 = "not available", the point of writing the header ourselves
      2, // extra flags: maximum compression
      (byte) 255 // operating system: unknown, so the bytes do not depend on the build machine
  };

  /** Packs files given relative to {@code package/} (e.g. {@code "index.js"}). */
  public static Tarball pack(Map<String, byte[]> files) {
    return of(gzip(tar(new TreeMap<>(files))));
  }

  /** Wraps existing bytes, computing their digests. */
  public static Tarball of(byte[] bytes) {
    return new Tarball(bytes.clone(), integrityOf(bytes), shasumOf(bytes));
  }

  /** {@code sha512-<base64>}, the SRI string npm stores as {@code dist.integrity}. */
  public static String integrityOf(byte[] bytes) {
    return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", bytes));
  }

  /** Lower-case hex sha1, the legacy {@code dist.shasum}. */
  public static String shasumOf(byte[] bytes) {
    return HexFormat.of().formatHex(digest("SHA-1", bytes));
  }

  /** Reads a tgz back into its entries (full paths, e.g. {@code package/package.json}). */
  public static Map<String, byte[]> unpack(byte[] tgz) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile()) {
          entries.put(e.getName(), tar.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not a valid tgz", e);
    }
    return entries;
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tarball that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Tarball[" + bytes.length + " bytes, " + integrity + "]";
  }

  /** Size in bytes, without copying. */
  public int size() {
    return bytes.length;
  }

  private static byte[] tar(SortedMap<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry("package/" + file.getKey());
        entry.setSize(file.getValue().length);
        entry.setModTime(NPM_PACK_MTIME.toEpochMilli());
        entry.setMode(0100644);
        entry.setIds(0, 0);
        entry.setNames("", "");
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
      out.writeBytes(GZIP_HEADER);
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      CRC32 crc = new CRC32();
      crc.update(data);
      ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      trailer.putInt((int) crc.getValue()).putInt(data.length);
      out.writeBytes(trailer.array());
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required by every JDK", e);
    }
  }
}
