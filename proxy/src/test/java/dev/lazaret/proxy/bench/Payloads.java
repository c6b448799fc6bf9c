package dev.lazaret.proxy.bench;

import dev.lazaret.proxy.testing.GeneratedPackage;
import dev.lazaret.proxy.testing.GeneratedVersion;
import dev.lazaret.proxy.testing.Tarball;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Gives generated versions a tarball of a chosen size: the generated files plus a
 * {@code package/payload.bin} of seeded random bytes. The fixtures' own packer deflates at the
 * best level, which takes minutes for a gigabyte; random bytes do not compress anyway, so the
 * payload is stored (deflate level 0) and a 20 MiB tarball costs milliseconds.
 */
final class Payloads {

  private Payloads() {
  }

  /** The package with each listed version's tarball grown to about {@code size} bytes. */
  static GeneratedPackage grow(GeneratedPackage pkg, Map<String, Integer> sizes) {
    Map<String, GeneratedVersion> versions = new LinkedHashMap<>(pkg.versions());
    sizes.forEach((version, size) -> versions.put(version, grow(pkg.version(version), size)));
    return new GeneratedPackage(pkg.name(), pkg.description(), versions, pkg.distTags(),
        pkg.maintainers(), pkg.created(), pkg.modified());
  }

  /** One version whose tarball is about {@code size} bytes (never smaller than the original). */
  static GeneratedVersion grow(GeneratedVersion v, int size) {
    int payload = Math.max(0, size - v.tarball().size() - 1024); // tar headers and padding
    if (payload == 0) {
      return v;
    }
    Map<String, byte[]> files = new TreeMap<>(Tarball.unpack(v.tarball().bytes()));
    byte[] noise = new byte[payload];
    new Random(v.id().hashCode() * 31L + size).nextBytes(noise);
    files.put("package/payload.bin", noise);
    Tarball tarball = Tarball.of(storedTgz(files));
    return new GeneratedVersion(v.name(), v.version(), v.description(), v.dependencies(),
        v.scripts(), v.publishedAt(), v.publisher(), v.deprecated(), v.provenance(),
        v.legacyShasumOnly(), tarball);
  }

  private static byte[] storedTgz(Map<String, byte[]> files) {
    int total = files.values().stream().mapToInt(b -> b.length + 1024).sum();
    ByteArrayOutputStream out = new ByteArrayOutputStream(total + 4096);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(storedGzip(out))) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        entry.setModTime(499162500000L); // 1985-10-26T08:15:00Z, what npm pack stamps
        entry.setMode(0100644);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static OutputStream storedGzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.NO_COMPRESSION);
      }
    };
  }
}
