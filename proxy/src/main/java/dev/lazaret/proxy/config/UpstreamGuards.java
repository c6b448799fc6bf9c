package dev.lazaret.proxy.config;

import dev.lazaret.proxy.upstream.BodyLimits;
import dev.lazaret.proxy.upstream.Origin;
import java.util.List;

/**
 * What Lazaret refuses from its upstreams, whatever they send.
 *
 * @param maxPackumentBytes the largest packument read, counted after gzip
 *                          ({@code upstream.max-packument-size}); past it the answer is a 502
 * @param tarballOrigins    origins besides the default upstream's own that its tarballs and
 *                          redirects may come from ({@code upstream-tarball-origins}); routed
 *                          upstreams list theirs in {@link UpstreamRoute#tarballOrigins()}
 */
public record UpstreamGuards(long maxPackumentBytes, List<Origin> tarballOrigins) {

  /** Validates and copies. */
  public UpstreamGuards {
    if (maxPackumentBytes <= 0) {
      throw new IllegalArgumentException("maxPackumentBytes must be positive");
    }
    tarballOrigins = List.copyOf(tarballOrigins);
  }

  /** 200 MiB packuments, tarballs from the upstream's own origin only. */
  public static UpstreamGuards defaults() {
    return new UpstreamGuards(BodyLimits.DEFAULT_MAX_PACKUMENT_BYTES, List.of());
  }

  /** A copy with another packument limit. */
  public UpstreamGuards withMaxPackumentBytes(long value) {
    return new UpstreamGuards(value, tarballOrigins);
  }

  /** A copy with other tarball origins for the default upstream. */
  public UpstreamGuards withTarballOrigins(List<Origin> value) {
    return new UpstreamGuards(maxPackumentBytes, value);
  }
}
