package dev.lazaret.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Lazaret's version, from the {@code version.properties} Maven fills in at build time. */
public final class Version implements IVersionProvider {

  /** The version, e.g. {@code 0.1.0}; {@code unknown} when run from unfiltered classes. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code lazaret --version} prints. */
  @Override
  public String[] getVersion() {
    return new String[] {"lazaret " + current()};
  }
}
