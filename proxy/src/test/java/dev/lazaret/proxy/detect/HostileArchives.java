package dev.lazaret.proxy.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lazaret.proxy.testing.Tarball;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Makes a hostile case's judged tarball from its {@code after/} tree and the case's
 * {@code tamper} object: archive bombs are generated here rather than stored in the repository,
 * malformed archives are a well-formed one broken in one place.
 */
final class HostileArchives {

  private HostileArchives() {
  }

  /** The tarball {@code tamper.kind} describes, built on {@code files}. */
  static byte[] make(JsonNode tamper, Map<String, byte[]> files) {
    String kind = tamper.path("kind").asText();
    Map<String, byte[]> all = new TreeMap<>(files);
    return switch (kind) {
      case "ratio-bomb" -> {
        // Zeros deflate about 1000:1: a few tens of KiB that would unpack to the whole size.
        all.put(tamper.path("path").asText("data.bin"), new byte[size(tamper)]);
        yield Tarball.pack(all).bytes();
      }
      case "entry-flood" -> {
        // Each file a little random text, so the flood compresses like real files and it is
        // the entry count that stops the inspection, not the decompression ratio.
        int count = tamper.path("count").asInt();
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
          all.put(String.format("locale/%05d.json", i), String.format("{\"id\":\"%016x%016x\"}",
              random.nextLong(), random.nextLong()).getBytes(StandardCharsets.UTF_8));
        }
        yield Tarball.pack(all).bytes();
      }
      case "huge-file" -> {
        // Incompressible, so it is the file's size that trips the cap, not the ratio.
        byte[] noise = new byte[size(tamper)];
        new Random(13).nextBytes(noise);
        all.put(tamper.path("path").asText("blob.bin"), noise);
        yield Tarball.pack(all).bytes();
      }
      case "truncate" -> {
        byte[] whole = Tarball.pack(all).bytes();
        yield Arrays.copyOf(whole, (int) (whole.length * tamper.path("keep").asDouble(0.5)));
      }
      case "corrupt-header" -> corruptHeader(Tarball.pack(all).bytes(),
          tamper.path("entry").asInt(1));
      case "not-gzip" -> gunzip(Tarball.pack(all).bytes());
      case "raw-path" -> rawPath(all, tamper.path("path").asText());
      default -> throw new IllegalArgumentException("unknown tamper kind '" + kind + "'");
    };
  }

  private static int size(JsonNode tamper) {
    long bytes = tamper.path("bytes").asLong();
    if (bytes <= 0 || bytes > 256L << 20) {
      throw new IllegalArgumentException("tamper.bytes must be in 1..256 MiB, got " + bytes);
    }
    return (int) bytes;
  }

  /** The tarball with the checksum of entry {@code n} (from 0) overwritten. */
  private static byte[] corruptHeader(byte[] tgz, int n) {
    byte[] tar = gunzip(tgz);
    int offset = 0;
    for (int i = 0; i < n; i++) {
      long size = Long.parseLong(new String(tar, offset + 124, 11, StandardCharsets.US_ASCII)
          .trim(), 8);
      offset += 512 + (int) ((size + 511) / 512 * 512);
    }
    byte[] bad = "9999999\0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bad, 0, tar, offset + 148, bad.length);
    return gzip(tar);
  }

  /** The files under {@code package/}, then one more entry at exactly {@code path}. */
  private static byte[] rawPath(Map<String, byte[]> files, String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        put(tar, "package/" + f.getKey(), f.getValue());
      }
      put(tar, path, "# written outside the package\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gzip(out.toByteArray());
  }

  private static void put(TarArchiveOutputStream tar, String path, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path, true);
    entry.setSize(content.length);
    entry.setModTime(0);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static byte[] gunzip(byte[] tgz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
