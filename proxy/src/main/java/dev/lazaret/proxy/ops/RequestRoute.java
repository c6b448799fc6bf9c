package dev.lazaret.proxy.ops;

import java.util.Locale;

/** What kind of registry request a request was, as the {@code route} label of request metrics. */
public enum RequestRoute {
  /** {@code GET /-/ping}. */
  PING,
  /** A full packument. */
  PACKUMENT,
  /** An abbreviated ({@code application/vnd.npm.install-v1+json}) packument. */
  PACKUMENT_ABBREVIATED,
  /** One version's manifest. */
  VERSION,
  /** A package's dist-tags. */
  DIST_TAGS,
  /** Which versions of a package the quarantine holds back ({@code /-/quarantine/{name}}). */
  QUARANTINE_STATUS,
  /** A tarball. */
  TARBALL,
  /** Search, audit, keys and other requests relayed to the upstream. */
  RELAY,
  /** Health, readiness and metrics probes. */
  OPS,
  /** Anything else: malformed requests, unknown paths, refused methods. */
  OTHER;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The label value, e.g. {@code packument_abbreviated}. */
  public String label() {
    return label;
  }
}
