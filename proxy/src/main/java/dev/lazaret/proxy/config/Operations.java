package dev.lazaret.proxy.config;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The operational side: the private admin listener, the store size limit, the access log and
 * where metrics are exposed.
 *
 * @param adminListen           where the admin listener (metrics, health, analyst API) listens
 * @param storageMaxBytes       the tarball store limit in bytes; past it the least recently used
 *                              tarballs are evicted; 0 means no limit
 * @param accessLog             how each request is logged
 * @param metricsOnRegistryPort whether {@code /metrics} is also served on the registry port
 * @param adminAccess           the admin API's tokens, and whether metrics need one
 */
public record Operations(
    InetSocketAddress adminListen,
    long storageMaxBytes,
    AccessLogFormat accessLog,
    boolean metricsOnRegistryPort,
    AdminAccess adminAccess) {

  /** Default admin listener: loopback only, so it is private unless the operator opens it. */
  public static final String DEFAULT_ADMIN_LISTEN = "127.0.0.1:4874";

  /** How the access log is written. */
  public enum AccessLogFormat {
    /** One human-readable line per request. */
    TEXT,
    /** One JSON object per line, for log pipelines. */
    JSON,
    /** No access log. */
    OFF
  }

  /** Validates the values. */
  public Operations {
    Objects.requireNonNull(adminListen, "adminListen");
    Objects.requireNonNull(accessLog, "accessLog");
    Objects.requireNonNull(adminAccess, "adminAccess");
    if (storageMaxBytes < 0) {
      throw new IllegalArgumentException("storageMaxBytes must be >= 0");
    }
  }

  /** Operations without admin API tokens (every API request is refused). */
  public Operations(InetSocketAddress adminListen, long storageMaxBytes, AccessLogFormat accessLog,
      boolean metricsOnRegistryPort) {
    this(adminListen, storageMaxBytes, accessLog, metricsOnRegistryPort, AdminAccess.none());
  }

  /** Every default, with the admin listener on an ephemeral loopback port (for tests). */
  public static Operations defaultsOnEphemeralPort() {
    return new Operations(new InetSocketAddress("127.0.0.1", 0), 0, AccessLogFormat.TEXT, false);
  }

  /** A copy with other admin API access. */
  public Operations withAdminAccess(AdminAccess value) {
    return new Operations(adminListen, storageMaxBytes, accessLog, metricsOnRegistryPort, value);
  }
}
