package dev.lazaret.proxy.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks the data directory at start-up, so a bad path fails before the store opens. */
public final class DataDirectory {

  private DataDirectory() {
  }

  /** Creates the directory if needed and proves it is writable; returns its absolute path. */
  public static Path prepare(String text) throws ConfigException {
    Path dir;
    try {
      dir = Path.of(text.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException("not a valid path");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ConfigException("exists and is not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException("cannot create the directory (" + reason(e) + ")");
    }
    // A real write is the only test that also catches read-only mounts and ACLs.
    try {
      Files.delete(Files.createTempFile(dir, ".lazaret-write-check", ".tmp"));
    } catch (IOException e) {
      throw new ConfigException("directory is not writable (" + reason(e) + ")");
    }
    return dir;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "'" + f.getFile() + "' is in the way and is not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
