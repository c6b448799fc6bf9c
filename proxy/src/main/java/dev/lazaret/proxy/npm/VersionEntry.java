package dev.lazaret.proxy.npm;

import dev.lazaret.storage.TarballDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * What Lazaret needs to know about one version without re-reading the packument: where its
 * tarball lives upstream, the digest it must match, and who published it when.
 *
 * @param version         the version string
 * @param tarballFile     the tarball's file name, e.g. {@code node-20.1.0.tgz}
 * @param upstreamTarball the absolute upstream URL of the tarball
 * @param digest          the digest the bytes must match, if the packument names one
 * @param publishedAt     the version's entry in {@code time}, or {@code null}
 * @param publisher       {@code _npmUser.name}, or {@code null}
 */
public record VersionEntry(
    String version,
    String tarballFile,
    String upstreamTarball,
    Optional<TarballDigest> digest,
    Instant publishedAt,
    String publisher) {
}
