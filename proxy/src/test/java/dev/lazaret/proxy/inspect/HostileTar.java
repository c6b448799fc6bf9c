package dev.lazaret.proxy.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds tarballs with the entries a hostile publisher could write (raw paths, long names). */
final class HostileTar {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  HostileTar(int longFileMode) {
    tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(longFileMode);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  HostileTar() {
    this(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  /** Adds a file at {@code path} exactly as given (absolute paths kept). */
  HostileTar file(String path, byte[] content) {
    try {
      TarArchiveEntry entry = new TarArchiveEntry(path, true);
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Adds a symbolic link to {@code target}. */
  HostileTar link(String path, String target) {
    try {
      TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(target);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The gzip'd archive. */
  byte[] tgz() {
    try {
      tar.close();
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
        g.write(out.toByteArray());
      }
      return gz.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
