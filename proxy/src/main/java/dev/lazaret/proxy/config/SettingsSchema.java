package dev.lazaret.proxy.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting Lazaret understands, in the order help lists them. To add one (say
 * {@code storage.max-size}), add a constant here, add it to {@link #ALL}, and read it in
 * {@link SettingsLoader#load}; the config-file key check and {@code --help} follow automatically.
 */
public final class SettingsSchema {

  /** The config file itself: a flag and an environment variable, never a key in the file. */
  public static final Setting<Path> CONFIG = new Setting<Path>("config", Optional.of("--config"),
      "LAZARET_CONFIG", "FILE", Optional.empty(), "(none)", SettingsSchema::path);

  /** Where the registry port listens. */
  public static final Setting<InetSocketAddress> LISTEN =
      Setting.of("listen", "HOST:PORT", Settings.DEFAULT_LISTEN, ListenAddress::parse)
          .withFlag("--listen");

  /** The registry Lazaret mirrors. */
  public static final Setting<URI> UPSTREAM =
      Setting.withoutDefault("upstream", "URL", "(required)", HttpUrl::parseBase)
          .withFlag("--upstream");

  /** The data directory. */
  public static final Setting<Path> DATA =
      Setting.of("data", "DIR", Settings.DEFAULT_DATA, DataDirectory::prepare).withFlag("--data");

  /** The URL clients reach Lazaret at, when it cannot be derived from the Host header. */
  public static final Setting<URI> PUBLIC_URL =
      Setting.withoutDefault("public-url", "URL", "(Host header)", HttpUrl::parseBase)
          .withFlag("--public-url");

  /** How long a cached packument is served before revalidation. */
  public static final Setting<Duration> PACKUMENT_TTL =
      Setting.of("cache.packument-ttl", "DURATION", "5m", Durations::parse);

  /** Heap budget for hot packuments. */
  public static final Setting<Long> HOT_BYTES =
      Setting.of("cache.hot-bytes", "SIZE", "256MiB", ByteSizes::parse);

  /** Upstream connect timeout. */
  public static final Setting<Duration> CONNECT_TIMEOUT =
      Setting.of("upstream-timeouts.connect", "DURATION", "5s", Durations::parsePositive);

  /** Upstream time to response headers and between body reads. */
  public static final Setting<Duration> RESPONSE_TIMEOUT =
      Setting.of("upstream-timeouts.response", "DURATION", "30s", Durations::parsePositive);

  /** How long SIGTERM waits for in-flight responses. */
  public static final Setting<Duration> SHUTDOWN_GRACE =
      Setting.of("shutdown-grace", "DURATION", "10s", Durations::parse);

  /** Every setting, in help order; {@link #CONFIG} is first and is not a file key. */
  public static final List<Setting<?>> ALL = List.of(CONFIG, LISTEN, UPSTREAM, DATA, PUBLIC_URL,
      PACKUMENT_TTL, HOT_BYTES, CONNECT_TIMEOUT, RESPONSE_TIMEOUT, SHUTDOWN_GRACE);

  private SettingsSchema() {
  }

  private static Path path(String text) throws ConfigException {
    try {
      return Path.of(text.strip());
    } catch (InvalidPathException e) {
      throw new ConfigException("not a valid path");
    }
  }

  /** The keys a config file may set (dotted for sections). */
  public static List<String> fileKeys() {
    return ALL.stream().filter(s -> s != CONFIG).map(Setting::key).toList();
  }
}
